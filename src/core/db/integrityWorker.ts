/**
 * The integrity check's worker entry (a worker_threads Worker, started by integrityCheck.ts): opens
 * the file READ-ONLY with its own connection, runs one SQLite check over every page, answers, and
 * ends. It reads the whole file (seconds at 100,000 articles), which is why it is not on the
 * thread that answers requests: reads, search and export go on meanwhile.
 *
 * Bundled as its own file for the app (src/main/index.ts imports it with `?modulePath`) and for the
 * CLI (scripts/build-cli.mjs); run through tsx from the sources everywhere else.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { IntegrityWorkerData, IntegrityWorkerReply } from './integrityWorkerProtocol';

const port = parentPort;
if (!port) throw new Error('integrityWorker.ts runs as a worker thread (see integrityCheck.ts), not on its own.');

const { file, nativeBinding, check } = workerData as IntegrityWorkerData;
let reply: IntegrityWorkerReply;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 2000');
    const result = db.pragma(check, { simple: true });
    reply = { sound: result === 'ok', detail: String(result) };
  } finally {
    db.close();
  }
} catch (error) {
  const code = (error as { code?: string }).code ?? '';
  // SQLite finding the file malformed is the check's answer; anything else (a missing binding…) is not.
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) reply = { sound: false, detail: (error as Error).message };
  else reply = { error: (error as Error).message };
}
port.postMessage(reply);
