import type { Handlers, LibraryEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/bridge';
import { dispatch } from '../../core/dispatch';
import { isOwnOrigin } from '../origins';

/** What main knows of the frame that sent an IPC message (taken from Electron's event). */
export interface IpcSender {
  frameUrl: string | null;
  isMainFrame: boolean;
  isOurWindow: boolean;
}

/**
 * One IPC message, start to end, without Electron: the sender is checked (our origin, top frame,
 * a window we opened), then the request goes through the same validating dispatch as HTTP.
 */
export async function handleIpcMessage(handlers: Handlers, operation: string, sender: IpcSender, payload: unknown, emit?: (event: LibraryEvent) => void, devServerUrl = process.env.ELECTRON_RENDERER_URL): Promise<Envelope> {
  const trusted = sender.frameUrl !== null && sender.isMainFrame && sender.isOurWindow && isOwnOrigin(sender.frameUrl, devServerUrl);
  if (!trusted) {
    console.warn(`marginalia: refused ${operation} from ${sender.frameUrl ?? 'an unknown frame'}`);
    return { ok: false, error: { code: 'invalid_request', message: 'Refused: this request did not come from the Marginalia window.' } };
  }
  return dispatch(handlers, operation, payload, emit);
}
