import type { ImportResult } from '../../shared/domain/source';
import { workerEntry } from '../workerEntry';
import { createWorkerQueue } from '../workerQueue';
import type { StoreItem } from './storeBatch';
import type { StoreWorkerData, StoreWorkerReply, StoreWorkerRequest } from './storeWorkerProtocol';

export interface StoreWorkerOptions {
  /** The worker's entry: the app passes its bundled copy; by default storeWorker beside this module (workerEntry.ts). */
  workerPath?: string;
  nativeBinding?: string;
}

export interface StoreWorker {
  /** Stores one batch in one transaction on the worker's connection; a result per item, in order. */
  store(items: StoreItem[]): Promise<ImportResult[]>;
  /** Starts the thread ahead of the first batch (the handlers do so once the library's first page is answered). */
  warm(): void;
  /** Lets the batch being stored finish, then ends the thread. */
  close(): Promise<void>;
}

/**
 * An import's writes off the serving thread (issue 12: the host's event loop during an import):
 * parsed files go to a worker thread with its own connection to the library (storeWorker.ts), one
 * batch at a time. The caller's connection sees each batch when it commits (WAL), and the caller
 * reports the results as before, so the change events that name the new sources are emitted as
 * before. A worker that dies fails its batch and is replaced for the next.
 */
export function createStoreWorker(libraryPath: string, options: StoreWorkerOptions = {}): StoreWorker {
  const workerData: StoreWorkerData = { libraryPath, nativeBinding: options.nativeBinding };
  const queue = createWorkerQueue<Omit<StoreWorkerRequest, 'seq'>, StoreWorkerReply, ImportResult[]>({
    entry: options.workerPath ?? workerEntry(import.meta.dirname, 'storeWorker'),
    workerData,
    settle: (reply) => ('results' in reply ? { value: reply.results } : { error: new Error(reply.error) }),
    stoppedError: (why) => new Error(`the library writer stopped unexpectedly (${why})`),
    closedError: () => new Error('the library writer was closed'),
  });
  return {
    store: (items) => queue.run({ items }),
    warm: () => queue.warm(),
    // A batch already handed over commits or rolls back whole; either way its caller hears which.
    close: () => queue.close({ drain: true }),
  };
}
