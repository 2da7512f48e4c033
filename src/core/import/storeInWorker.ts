import type { Worker } from 'node:worker_threads';
import type { ImportResult } from '../../shared/domain/source';
import { startWorker } from '../search/searchWorkerHandlers';
import { workerEntry } from '../workerEntry';
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

interface Job {
  seq: number;
  items: StoreItem[];
  resolve: (results: ImportResult[]) => void;
  reject: (error: Error) => void;
}

/**
 * An import's writes off the serving thread (issue 12: the host's event loop during an import):
 * parsed files go to a worker thread with its own connection to the library (storeWorker.ts), one
 * batch at a time. The caller's connection sees each batch when it commits (WAL), and the caller
 * reports the results as before, so the change events that name the new sources are emitted as
 * before. A worker that dies fails its batch and is replaced for the next.
 */
export function createStoreWorker(libraryPath: string, options: StoreWorkerOptions = {}): StoreWorker {
  const entry = options.workerPath ?? workerEntry(import.meta.dirname, 'storeWorker');
  const workerData: StoreWorkerData = { libraryPath, nativeBinding: options.nativeBinding };
  let worker: Worker | null = null;
  let running: Job | null = null;
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  let idle: (() => void) | null = null;

  const spawn = (): Worker => {
    const started = startWorker(entry, workerData);
    // A forgotten close() must not keep the process alive.
    started.unref();
    started.on('message', (reply: StoreWorkerReply) => started === worker && receive(reply));
    started.on('error', (error) => started === worker && stopped(error.message));
    started.on('exit', (code) => started === worker && stopped(`it exited with code ${code}`));
    return started;
  };

  const finish = (): Job | null => {
    const job = running;
    running = null;
    return job;
  };

  const receive = (reply: StoreWorkerReply) => {
    if ('ready' in reply || reply.seq !== running?.seq) return;
    const job = finish()!;
    if ('results' in reply) job.resolve(reply.results);
    else job.reject(new Error(reply.error));
    pump();
  };

  const stopped = (why: string) => {
    worker = null;
    finish()?.reject(new Error(`the library writer stopped unexpectedly (${why})`));
    pump();
  };

  const pump = () => {
    if (running) return;
    const job = queue.shift();
    if (!job) return idle?.();
    running = job;
    worker ??= spawn();
    worker.postMessage({ seq: job.seq, items: job.items } satisfies StoreWorkerRequest);
  };

  return {
    warm: () => {
      if (!closed) worker ??= spawn();
    },
    store: (items) =>
      new Promise<ImportResult[]>((resolve, reject) => {
        if (closed) return reject(new Error('the library writer was closed'));
        queue.push({ seq: ++seq, items, resolve, reject });
        pump();
      }),
    close: async () => {
      closed = true;
      // A batch already handed over commits or rolls back whole; either way its caller hears which.
      if (running || queue.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      const last = worker;
      worker = null;
      await last?.terminate();
    },
  };
}
