import { contextBridge, ipcRenderer } from 'electron';
import type { LibraryEvent } from '../shared/api/contract';
import { operationNames } from '../shared/api/contract';
import type { PreloadBridge } from '../shared/api/bridge';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, IPC_SAVE_BEFORE_CLOSE_CHANNEL, IPC_SAVED_BEFORE_CLOSE_CHANNEL } from '../shared/api/bridge';

// One function per operation of the contract, and `on` for events. Never ipcRenderer itself,
// never a generic invoke(channel): the page can reach exactly the operations the contract lists.
const bridge = Object.fromEntries(
  operationNames.map((operation) => [operation, (request: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + operation, request)]),
) as Omit<PreloadBridge, 'on' | 'onSaveBeforeClose'>;

// Events that arrive before the page has subscribed (a deep link that launched the app) wait here
// and go to the first listener, so none is lost to the page's start-up.
const listeners = new Set<(event: LibraryEvent) => void>();
let early: LibraryEvent[] = [];
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, payload: LibraryEvent) => {
  if (listeners.size === 0) early.push(payload);
  else for (const listener of listeners) listener(payload);
});

const on = (listener: (event: LibraryEvent) => void) => {
  listeners.add(listener);
  const waiting = early;
  early = [];
  for (const event of waiting) listener(event);
  return () => {
    listeners.delete(listener);
  };
};

// Main asks before closing the window; the page's save runs, then main hears back (with the
// request's id only). Answered even when the page registered nothing, so a close never waits for nothing.
let saveBeforeClose: (() => Promise<void>) | null = null;
ipcRenderer.on(IPC_SAVE_BEFORE_CLOSE_CHANNEL, (_event, id: unknown) => {
  const answer = () => ipcRenderer.send(IPC_SAVED_BEFORE_CLOSE_CHANNEL, id);
  Promise.resolve()
    .then(() => saveBeforeClose?.())
    .then(answer, answer);
});
const onSaveBeforeClose = (save: () => Promise<void>) => {
  saveBeforeClose = save;
  return () => {
    if (saveBeforeClose === save) saveBeforeClose = null;
  };
};

contextBridge.exposeInMainWorld('marginalia', { ...bridge, on, onSaveBeforeClose } satisfies PreloadBridge);
