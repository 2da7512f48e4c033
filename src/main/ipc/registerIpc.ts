import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { LibraryEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/bridge';
import { operationNames } from '../../shared/api/contract';
import { IPC_CHANNEL_PREFIX } from '../../shared/api/bridge';
import { fanOut } from './fanOut';
import { handleIpcRequest } from './handleIpcMessage';

export function describeSender(event: IpcMainInvokeEvent | IpcMainEvent, windows: () => WebContents[]) {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame, isOurWindow: windows().includes(event.sender) };
}

/**
 * One handler per contract operation; every message's sender is checked first, then `call` (the
 * library process's dispatch) answers it. Returns the emitter that sends an event to every window.
 */
export function registerIpc(call: (operation: string, payload: unknown) => Promise<Envelope>, windows: () => WebContents[], devServer: string | undefined): (event: LibraryEvent) => void {
  const emit = fanOut(windows);
  for (const operation of operationNames) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + operation, (event, payload: unknown) => handleIpcRequest(call, operation, describeSender(event, windows), payload, devServer));
  }
  return emit;
}
