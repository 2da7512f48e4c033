import { contextBridge, ipcRenderer } from 'electron';
import type { LibraryEvent } from '../shared/api/contract';
// The names alone: contract.ts would bring zod and every schema into the preload.
import { operationNames } from '../shared/api/operationNames';
import type { PreloadBridge } from '../shared/api/bridge';
import type { MenuCommand, WindowView } from '../shared/api/menu';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, IPC_SAVE_BEFORE_CLOSE_CHANNEL, IPC_SAVED_BEFORE_CLOSE_CHANNEL, IPC_VIEW_CHANNEL } from '../shared/api/bridge';

// One function per operation of the contract, and `on` for events. Never ipcRenderer itself,
// never a generic invoke(channel): the page can reach exactly the operations the contract lists.
const bridge = Object.fromEntries(
  operationNames.map((operation) => [operation, (request: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + operation, request)]),
) as Omit<PreloadBridge, 'on' | 'onSaveBeforeClose' | 'onMenuCommand' | 'reportView'>;

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

// The application menu's page commands, to the page's listeners (the page validates them). Only
// the view's article id goes the other way.
const menuListeners = new Set<(command: MenuCommand) => void>();
ipcRenderer.on(IPC_MENU_CHANNEL, (_event, command: MenuCommand) => {
  for (const listener of menuListeners) listener(command);
});
const onMenuCommand = (listener: (command: MenuCommand) => void) => {
  menuListeners.add(listener);
  return () => {
    menuListeners.delete(listener);
  };
};
const reportView = (view: WindowView) => ipcRenderer.send(IPC_VIEW_CHANNEL, { sourceId: view.sourceId });

contextBridge.exposeInMainWorld('marginalia', { ...bridge, on, onSaveBeforeClose, onMenuCommand, reportView } satisfies PreloadBridge);
