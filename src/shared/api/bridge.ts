import type { ApiErrorBody } from './errors';
import type { LibraryEvent, OperationName } from './contract';

/** What each transport returns for one call, before the client unwraps it. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** The object the preload puts on `window.marginalia`: one function per operation, plus `on` and `onSaveBeforeClose`. */
export type PreloadBridge = { [K in OperationName]: (request: unknown) => Promise<Envelope> } & {
  on(listener: (event: LibraryEvent) => void): () => void;
  /** Before its window closes, main asks the page to save and waits (briefly) for `save` to settle (src/main/closeAfterSaving.ts). */
  onSaveBeforeClose(save: () => Promise<void>): () => void;
};

export const IPC_CHANNEL_PREFIX = 'marginalia:';
export const IPC_EVENT_CHANNEL = 'marginalia-event';
/** Main to page: save now, the window is closing (with a request id). */
export const IPC_SAVE_BEFORE_CLOSE_CHANNEL = 'marginalia-save-before-close';
/** Page to main: done saving (the same id); carries nothing else. */
export const IPC_SAVED_BEFORE_CLOSE_CHANNEL = 'marginalia-saved-before-close';
