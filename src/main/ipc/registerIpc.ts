import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { Handlers, LibraryEvent } from '../../shared/api/contract';
import { operationNames } from '../../shared/api/contract';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { handleIpcMessage } from './handleIpcMessage';

export function describeSender(event: IpcMainInvokeEvent | IpcMainEvent, windows: () => WebContents[]) {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame, isOurWindow: windows().includes(event.sender) };
}

/** One validating handler per contract operation; every message's sender is checked first. */
export function registerIpc(handlers: Handlers, windows: () => WebContents[], devServer: string | undefined): (event: LibraryEvent) => void {
  const emit = (event: LibraryEvent) => {
    for (const contents of windows()) contents.send(IPC_EVENT_CHANNEL, event);
  };
  for (const operation of operationNames) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + operation, (event, payload: unknown) => handleIpcMessage(handlers, operation, describeSender(event, windows), payload, emit, devServer));
  }
  return emit;
}
