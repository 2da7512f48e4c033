import type { ApiErrorBody } from './errors';
import type { LibraryEvent, OperationName } from './contract';
import type { MenuCommand, WindowView } from './menu';

/** What each transport returns for one call, before the client unwraps it. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** The object the preload puts on `window.marginalia`: one function per operation, plus `on` and `onSaveBeforeClose`. */
export type PreloadBridge = { [K in OperationName]: (request: unknown) => Promise<Envelope> } & {
  on(listener: (event: LibraryEvent) => void): () => void;
  /** Before its window closes, main asks the page to save and waits (briefly) for `save` to settle (src/main/closeAfterSaving.ts). */
  onSaveBeforeClose(save: () => Promise<void>): () => void;
  /** The application menu's items that act in the page (src/main/menu/menuTemplate.ts); the command is validated by the page. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Tells main the open article, so the window reopens on it (src/main/windows/windowStates.ts). */
  reportView(view: WindowView): void;
};

export const IPC_CHANNEL_PREFIX = 'marginalia:';
export const IPC_EVENT_CHANNEL = 'marginalia-event';
/** Main to page: save now, the window is closing (with a request id). */
export const IPC_SAVE_BEFORE_CLOSE_CHANNEL = 'marginalia-save-before-close';
/** Page to main: done saving (the same id); carries nothing else. */
export const IPC_SAVED_BEFORE_CLOSE_CHANNEL = 'marginalia-saved-before-close';
/** Main to page: a menu item that acts in the page (a MenuCommand). */
export const IPC_MENU_CHANNEL = 'marginalia-menu';
/** Page to main: the view it shows (a WindowView); carries nothing else. */
export const IPC_VIEW_CHANNEL = 'marginalia-view';
