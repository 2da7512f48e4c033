/**
 * The import's store worker thread (started by storeInWorker.ts): it holds its own connection to
 * the library, read-write, and stores each batch of parsed files in one IMMEDIATE transaction
 * (storeBatch.ts), so SQLite's work for an import (inserting, indexing, the WAL checkpoints its
 * commits trigger) never runs on the thread serving requests (the browser host, the app's library
 * process). The library is opened (and migrated) by that thread first; this connection only joins
 * it. In WAL mode the serving thread's connection sees each batch once it commits.
 *
 * Bundled as its own file for the app (src/main/index.ts imports it with `?modulePath`); run through
 * tsx from the sources everywhere else.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { BUSY_TIMEOUT_MILLISECONDS } from '../db/writeTransaction';
import { storeBatch } from './storeBatch';
import type { StoreWorkerData, StoreWorkerReply, StoreWorkerRequest } from './storeWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('storeWorker.ts runs as a worker thread (see storeInWorker.ts), not on its own.');

const { libraryPath, nativeBinding } = workerData as StoreWorkerData;
// A failure here ends the worker with an 'error' event, which storeInWorker.ts turns into the batch's failure.
const db = new Database(libraryPath, { fileMustExist: true, nativeBinding });
// As openDatabase sets them for every connection that writes (journal_mode = WAL is the file's, set already).
db.pragma('synchronous = NORMAL');
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MILLISECONDS}`);
db.pragma('foreign_keys = ON');

port.on('message', ({ seq, items }: StoreWorkerRequest) => {
  let reply: StoreWorkerReply;
  try {
    reply = { seq, results: storeBatch(db, items) };
  } catch (error) {
    reply = { seq, error: (error as Error).message };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies StoreWorkerReply);
