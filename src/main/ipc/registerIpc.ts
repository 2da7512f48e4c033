import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { Handlers, LibraryEvent } from '../../shared/api/contract';
import { operationNames } from '../../shared/api/contract';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { dispatch } from '../../core/dispatch';
import { isOwnOrigin } from '../security';

/** Our origin, top frame, a window we opened: anything else is refused and logged. */
function isTrustedSender(event: IpcMainInvokeEvent, windows: () => WebContents[]): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && windows().includes(event.sender) && isOwnOrigin(frame.url, process.env.ELECTRON_RENDERER_URL);
}

export function registerIpc(handlers: Handlers, windows: () => WebContents[]): (event: LibraryEvent) => void {
  const emit = (event: LibraryEvent) => {
    for (const contents of windows()) contents.send(IPC_EVENT_CHANNEL, event);
  };
  for (const operation of operationNames) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + operation, async (event, payload: unknown) => {
      if (!isTrustedSender(event, windows)) {
        console.warn(`marginalia: refused ${operation} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { code: 'invalid_request', message: 'Refused: this request did not come from the Marginalia window.' } };
      }
      return dispatch(handlers, operation, payload, emit);
    });
  }
  return emit;
}
