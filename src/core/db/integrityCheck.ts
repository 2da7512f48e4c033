import type { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import { startWorker } from '../search/searchWorkerHandlers';
import { workerEntry } from '../workerEntry';
import type { Db } from './db';
import type { IntegrityWorkerData, IntegrityWorkerReply } from './integrityWorkerProtocol';

/**
 * SQLite's quick check off the start path, with every write held until it passes (see
 * docs/ARCHITECTURE.md, "Opening a library"). The check reads every page of the file: 1.2 s at
 * 10,000 articles, 14 s at 100,000 on a loaded machine, so openDatabase no longer runs it before
 * the library is usable. Instead the connection is marked *unchecked*:
 * - reads, search and export go on at once;
 * - the app and the browser host run the check in a worker thread with its own read-only
 *   connection (checkIntegrityInBackground), and every operation that writes waits for it
 *   (createHandlers): it then runs, or is refused with damagedLibraryError when the check failed;
 * - any other write (writeTransaction, a one-shot CLI command) runs the check on its own thread
 *   first (checkIntegrityNow), as opening did before;
 * so a damaged library is still never written.
 */

type State = 'unchecked' | 'sound' | 'damaged';

interface Gate {
  file: string;
  state: State;
  /** The background check, once started. */
  running?: Promise<void>;
  worker?: Worker;
  /** The library is closing: a check that ended is not redone here. */
  stopped?: boolean;
}

const gates = new WeakMap<Db, Gate>();

export interface IntegrityCheckOptions {
  /** The worker's entry: the app passes its bundled copy; by default integrityWorker beside this module (workerEntry.ts). */
  workerPath?: string;
  nativeBinding?: string;
}

/** Called by openDatabase for an existing library it did not check: writes wait for the check. */
export function holdWritesUntilChecked(db: Db, file: string): void {
  gates.set(db, { file, state: 'unchecked' });
}

/** 'sound' for a connection with nothing to check (a new library, or one checked at open). */
export function integrityState(db: Db): State {
  return gates.get(db)?.state ?? 'sound';
}

/** The sentence a person reads when a change is refused because the library failed its check. */
export function damagedLibraryError(file: string): ApiError {
  return new ApiError(
    'unavailable',
    `The library file ${file} is damaged (it failed SQLite's integrity check), so this change was not saved and nothing was written to it. ` +
      'Reading, searching and exporting still work. Restore from a backup: "Restore from backup" in the app, or `marginalia backup --list` and then `marginalia restore FILE`. Keep a copy of the damaged file.',
  );
}

const isCorruptError = (error: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '');

function settle(gate: Gate, sound: boolean): void {
  if (gate.state === 'unchecked') gate.state = sound ? 'sound' : 'damaged';
}

/** Runs the quick check on `db`'s own connection (blocking this thread) if it is still due; throws when the library is damaged. */
export function checkIntegrityNow(db: Db): void {
  const gate = gates.get(db);
  if (!gate) return;
  if (gate.state === 'unchecked') {
    let sound: boolean;
    try {
      sound = db.pragma('quick_check', { simple: true }) === 'ok';
    } catch (error) {
      if (!isCorruptError(error)) throw error;
      sound = false;
    }
    settle(gate, sound);
  }
  if (gate.state === 'damaged') throw damagedLibraryError(gate.file);
}

/** Runs one SQLite check of `file` in a worker thread; true when the file is sound. `onWorker` is told the thread, to end it early. */
function checkInWorker(file: string, check: IntegrityWorkerData['check'], options: IntegrityCheckOptions, onWorker: (worker: Worker | undefined) => void): Promise<boolean> {
  const entry = options.workerPath ?? workerEntry(import.meta.dirname, 'integrityWorker');
  const data: IntegrityWorkerData = { file, nativeBinding: options.nativeBinding, check };
  return new Promise<boolean>((resolve, reject) => {
    const worker = startWorker(entry, data);
    onWorker(worker);
    // A forgotten close() must not keep the process alive.
    worker.unref();
    worker.once('message', (reply: IntegrityWorkerReply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply.sound)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      onWorker(undefined);
      reject(new Error(`the check's thread ended (exit code ${code})`));
    });
  });
}

/** The check was stopped by its signal before it answered. */
export class CheckStopped extends Error {
  constructor(file: string) {
    super(`The integrity check of ${file} was stopped before it finished.`);
    this.name = 'CheckStopped';
  }
}

/**
 * SQLite's full integrity check of a file that is not the open library (a backup just written, or
 * one about to be restored), in a worker thread: it reads every page (seconds at 100,000 articles),
 * and the thread that answers requests must not wait for it. Where no thread can start (no worker
 * entry, a missing binding), `fallback` checks on this thread instead. Rejects with CheckStopped
 * when `signal` aborts first (the thread is ended).
 */
export function verifyFileInWorker(file: string, fallback: (file: string) => boolean, options: IntegrityCheckOptions = {}, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.reject(new CheckStopped(file));
  let thread: Worker | undefined;
  const stop = () => void thread?.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  return checkInWorker(file, 'integrity_check', options, (worker) => (thread = worker))
    .catch((error: unknown) => {
      if (signal?.aborted) throw new CheckStopped(file);
      console.error(`marginalia: the integrity check of ${file} could not run in its thread (${(error as Error).message}); checking on this thread`);
      return fallback(file);
    })
    .finally(() => signal?.removeEventListener('abort', stop));
}

/**
 * Starts the check in a worker thread (once; later calls join it) and resolves when writes may go
 * ahead; rejects with damagedLibraryError when the library failed it. Resolves at once for a
 * connection with nothing to check.
 */
export function checkIntegrityInBackground(db: Db, options: IntegrityCheckOptions = {}): Promise<void> {
  const gate = gates.get(db);
  if (!gate || gate.state === 'sound') return Promise.resolve();
  gate.running ??= checkInWorker(gate.file, 'quick_check', options, (worker) => (gate.worker = worker)).then(
    (sound) => settle(gate, sound),
    (error: unknown) => {
      // The thread could not check (no worker entry, a missing binding): check here instead.
      if (gate.state !== 'unchecked' || gate.stopped || !db.open) return;
      console.error(`marginalia: the background integrity check could not run (${(error as Error).message}); checking on this thread`);
      try {
        checkIntegrityNow(db);
      } catch {
        // Damaged: the gate says so, below.
      }
    },
  );
  return gate.running.then(() => {
    if (gate.state === 'damaged') throw damagedLibraryError(gate.file);
    // Stopped before it finished (the library is closing): a held change is refused, not run
    // after a synchronous check on a closing connection.
    if (gate.state === 'unchecked') throw new ApiError('unavailable', 'The library is closing, so this change was not saved. Open the library again and redo it.');
  });
}

/**
 * The library's content was just replaced by a verified backup (restoreLibrary checks it first):
 * what a check found, or is still finding, described the old content, so writes go ahead now.
 */
export function markRestoredSound(db: Db): void {
  const gate = gates.get(db);
  if (!gate) return;
  gate.state = 'sound';
  void gate.worker?.terminate();
}

/** Ends a background check still running (the library is closing); writes stay held. */
export async function stopIntegrityCheck(db: Db): Promise<void> {
  const gate = gates.get(db);
  if (!gate) return;
  gate.stopped = true;
  await gate.worker?.terminate();
}
