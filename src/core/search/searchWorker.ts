/**
 * The search worker's entry (a worker_threads Worker; started by searchWorkerHandlers.ts). It holds
 * its own READ-ONLY connection to the library: in WAL mode readers never wait for the writer, and
 * always see the last committed transaction, so the main thread's connection stays free for
 * writes while a slow query runs here.
 *
 * Bundled as its own file for the app (src/main/index.ts imports it with `?modulePath`); run through
 * tsx from the sources everywhere else.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { searchLibrary } from './search';
import type { SearchWorkerData, SearchWorkerReply, SearchWorkerRequest } from './searchWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('searchWorker.ts runs as a worker thread (see searchWorkerHandlers.ts), not on its own.');

const { libraryPath, nativeBinding } = workerData as SearchWorkerData;
// A failure here ends the worker with an 'error' event, which the handlers turn into the query's error.
const db = new Database(libraryPath, { readonly: true, fileMustExist: true, nativeBinding });
// Only a checkpoint that restarts the WAL makes a reader wait, and then only briefly.
db.pragma('busy_timeout = 2000');

port.on('message', ({ seq, query, limit }: SearchWorkerRequest) => {
  let reply: SearchWorkerReply;
  try {
    reply = { seq, response: searchLibrary(db, query, { limit }) };
  } catch (error) {
    reply = { seq, error: (error as Error).message };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies SearchWorkerReply);
