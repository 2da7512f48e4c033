import { contextBridge, ipcRenderer } from 'electron';
import type { LibraryEvent } from '../shared/api/contract';
import { operationNames } from '../shared/api/contract';
import type { PreloadBridge } from '../shared/api/bridge';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../shared/api/bridge';

// One function per operation of the contract, and `on` for events. Never ipcRenderer itself,
// never a generic invoke(channel): the page can reach exactly the operations the contract lists.
const bridge = Object.fromEntries(
  operationNames.map((operation) => [operation, (request: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + operation, request)]),
) as Omit<PreloadBridge, 'on'>;

const on = (listener: (event: LibraryEvent) => void) => {
  const wrapped = (_event: unknown, payload: LibraryEvent) => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('marginalia', { ...bridge, on } satisfies PreloadBridge);
