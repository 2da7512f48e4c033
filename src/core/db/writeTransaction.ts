import { ApiError } from '../../shared/api/errors';
import type { Db } from './db';
import { checkIntegrityNow } from './integrityCheck';
import { readOnlyReason } from './readOnly';

/** How long a writer waits for another to finish (the busy_timeout openDatabase sets). */
export const BUSY_TIMEOUT_MILLISECONDS = 5000;
/** A snapshot conflict is only possible for a transaction that read before it wrote; a few retries always do. */
const SNAPSHOT_RETRIES = 5;

const sqliteCode = (error: unknown): string => (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '');

/** The sentence a person reads when another writer held the library for longer than the busy timeout. */
export function libraryBusyError(): ApiError {
  return new ApiError(
    'unavailable',
    `The library is busy: another window or program (an import, perhaps) kept writing to it for more than ${BUSY_TIMEOUT_MILLISECONDS / 1000} seconds, so this change was not saved. Try again in a moment.`,
  );
}

export function libraryReadOnlyError(reason: string | null): ApiError {
  return new ApiError('unavailable', `The library is read-only${reason ? ` (${reason})` : ''}, so nothing can be changed. Reading, searching and exporting still work; to make changes, open a copy you can write to.`);
}

/**
 * SQLite's own errors (SQLITE_BUSY "database is locked", SQLITE_READONLY …) as the contract's
 * `unavailable` with a sentence a person understands; null for any other error.
 */
export function describeSqliteError(error: unknown, db?: Db): ApiError | null {
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return libraryBusyError();
  if (code.startsWith('SQLITE_READONLY')) return libraryReadOnlyError((db && readOnlyReason(db)) ?? null);
  return null;
}

/**
 * Runs `fn` as one write transaction that starts as BEGIN IMMEDIATE: the write lock is taken
 * first, so SQLite's busy timeout applies (a deferred transaction that read first and then wants
 * to write fails at once with "database is locked" when another connection wrote meanwhile).
 * Inside another transaction it is a savepoint, as db.transaction() is. A snapshot conflict is
 * retried; a library busy past the timeout, or read-only, throws ApiError('unavailable'). The
 * first write to a library not yet checked runs its quick check first, unless the background
 * check has passed (integrityCheck.ts); a damaged library throws ApiError('unavailable').
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)();
  const reason = readOnlyReason(db);
  if (reason !== undefined) throw libraryReadOnlyError(reason);
  checkIntegrityNow(db);
  for (let attempt = 0; ; attempt++) {
    try {
      return db.transaction(fn).immediate();
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_BUSY_SNAPSHOT' && attempt < SNAPSHOT_RETRIES) continue;
      throw describeSqliteError(error, db) ?? error;
    }
  }
}
