import path from 'node:path';
import type { ImportResult } from '../../shared/domain/source';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { describeSqliteError } from '../db/writeTransaction';
import { writeTransaction } from '../db/writeTransaction';
import { indexSource, learnKeyTerms } from '../search/searchIndex';
import { insertSourceRow } from '../sources';
import { ImportRefused } from './importRefused';
import type { ParsedSource } from './parseFile';
import { insertPages } from './pdf/pagesSchema';

/**
 * Storing parsed files: one transaction for a batch, on whichever connection is given: the
 * caller's (importFiles in this thread, the CLI) or the store worker's own (storeWorker.ts, the app
 * and the browser host). Kept apart from importFiles.ts so the store worker loads no parser.
 */

/** One parsed file, ready to store. */
export interface StoreItem {
  name: string;
  parsed: ParsedSource;
  original: Uint8Array;
  sha256: string;
}

export const failed = (name: string, message: string): ImportResult => ({ file: name, status: 'failed', sourceId: null, error: `${path.basename(name)} ${message}` });

export function failure(name: string, error: unknown): ImportResult {
  if (error instanceof ImportRefused) return failed(name, error.message);
  return failed(name, `could not be imported: ${(describeSqliteError(error) ?? (error as Error)).message}`);
}

export function existingId(db: Db, sha256: string): number | null {
  return (prepared(db, 'SELECT id FROM sources WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id ?? null;
}

/**
 * One transaction for the batch: a file that fails to store leaves nothing of itself (its one
 * INSERT undone, or a PDF's savepoint: no source without its pages), and the rest of the batch
 * still commits. Returns one result per item, in order.
 */
export function storeBatch(db: Db, batch: StoreItem[]): ImportResult[] {
  const results: ImportResult[] = [];
  const insertRow = (item: StoreItem) => insertSourceRow(db, { ...item.parsed, fileName: path.basename(item.name), original: item.original, sha256: item.sha256 });
  // A file without pages is one INSERT, which SQLite undoes whole when it fails; a savepoint
  // around it cost more than the insert (each page it touched copied to a statement journal
  // first: 255 MB written to temporary files for the bench's 3,000 files). A PDF's row and
  // pages are two statements, so they keep one.
  const storeWithPages = db.transaction((item: StoreItem) => {
    const id = insertRow(item);
    insertPages(db, id, item.parsed.pages!);
    return id;
  });
  const storeOne = (item: StoreItem) => (item.parsed.pages ? storeWithPages(item) : insertRow(item));
  try {
    // Every text's key terms, stored or not: a later text may only number them (sourceFold.ts).
    for (const item of batch) if (item.parsed.searchText) learnKeyTerms(item.parsed.searchText);
    writeTransaction(db, () => {
      const indexed: { id: number; item: StoreItem }[] = [];
      batch.forEach((item, i) => {
        // The same bytes twice in one batch: the second finds the first, inserted a moment ago.
        const existing = existingId(db, item.sha256);
        if (existing !== null) {
          results[i] = { file: item.name, status: 'duplicate', sourceId: existing, error: null };
          return;
        }
        try {
          const id = storeOne(item);
          indexed.push({ id, item });
          results[i] = { file: item.name, status: 'imported', sourceId: id, error: null };
        } catch (error) {
          // An error SQLite answers by rolling back the whole transaction (a full disk): nothing of
          // the batch is stored, and no later file may be written outside it.
          if (!db.inTransaction) throw error;
          results[i] = failure(item.name, error);
        }
      });
      // After every row and every PDF's savepoint: FTS5 flushes its pending index data at each savepoint (see insertSource).
      for (const { id, item } of indexed) indexSource(db, id, item.parsed, item.parsed.searchText);
    });
  } catch (error) {
    // The commit itself failed (a full disk): nothing of the batch was stored.
    return batch.map((item) => failure(item.name, error));
  }
  return results;
}
