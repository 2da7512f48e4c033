import type { LibraryEvent } from '../../shared/api/contract';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { readOnlyReason } from '../db/readOnly';
import { detectMissingLanguages } from './detectMissingLanguages';

/** Its name in `library_tasks` (migration 15); `marginalia detect-languages` records it too. */
export const LANGUAGE_BACKFILL_TASK = 'detect-languages';

/**
 * Sources per batch in the background: detection runs on the library process's thread, about a
 * millisecond a source, so a batch holds a request up by a few tens of milliseconds at most.
 */
const BACKGROUND_BATCH = 20;

export function hasTaskRun(db: Db, name: string): boolean {
  return prepared(db, 'SELECT 1 FROM library_tasks WHERE name = ?').get(name) !== undefined;
}

export function recordTaskRun(db: Db, name: string): void {
  prepared(db, 'INSERT INTO library_tasks (name, finished_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET finished_at = excluded.finished_at').run(name, new Date().toISOString());
}

export interface BackgroundTask {
  /** Settles when the task has finished, stopped or failed (never rejects). */
  readonly done: Promise<void>;
  /** Stops after the batch in hand and waits for it (before the library is closed). */
  stop(): Promise<void>;
}

/**
 * The language backfill (issue 14) for a library opened by the app or the browser host (both
 * through createHandlers): sources imported before detection get their language, once per
 * library, in small batches between which requests are served, and the run is recorded so later
 * opens do nothing. Every batch announces its sources as changed, so open lists and the reader
 * show the language. A read-only library is left alone; a run that fails or is stopped (the app
 * closing) is not recorded, and goes on at the next open with the sources still without one.
 */
export function startLanguageBackfill(db: Db, options: { emit?: (event: LibraryEvent) => void; log?: (message: string) => void } = {}): BackgroundTask {
  const controller = new AbortController();
  const run = async () => {
    // After the open has answered: nothing of this is on the way to the first window.
    await nextTurn();
    if (controller.signal.aborted || readOnlyReason(db) !== undefined || hasTaskRun(db, LANGUAGE_BACKFILL_TASK)) return;
    await detectMissingLanguages(db, {
      batchSize: BACKGROUND_BATCH,
      signal: controller.signal,
      betweenBatches: nextTurn,
      onBatch: (ids) => options.emit?.({ type: 'libraryChanged', operation: 'detectLanguages', changes: [{ kind: 'sources', ids }] }),
    });
    if (!controller.signal.aborted) recordTaskRun(db, LANGUAGE_BACKFILL_TASK);
  };
  const done = run().catch((error: unknown) => {
    if (!controller.signal.aborted) (options.log ?? console.error)(`The languages of older sources were not detected (it is tried again at the next open): ${(error as Error).message}`);
  });
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
