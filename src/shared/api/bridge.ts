import type { ApiErrorBody } from './errors';
import type { LibraryEvent, OperationName } from './contract';

/** What each transport returns for one call, before the client unwraps it. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/** The object the preload puts on `window.marginalia`: one function per operation, plus `on`. */
export type PreloadBridge = { [K in OperationName]: (request: unknown) => Promise<Envelope> } & {
  on(listener: (event: LibraryEvent) => void): () => void;
};

export const IPC_CHANNEL_PREFIX = 'marginalia:';
export const IPC_EVENT_CHANNEL = 'marginalia-event';
