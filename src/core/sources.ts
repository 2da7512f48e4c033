import { z } from 'zod';
import type { Source, SourceSort, SourceSummary } from '../shared/domain/source';
import { SourceMetadataPatch } from '../shared/domain/source';
import { ApiError, notFound } from '../shared/api/errors';
import { baseCitekey, uniqueCitekey } from '../shared/text/citekey';
import type { Db } from './db/db';
import { compareNocase, distinctValues } from './db/distinctValues';
import { prepared } from './db/prepared';
import { writeTransaction } from './db/writeTransaction';
import { highlightIdsOfSource, indexSource, reindexHighlight, unindexSource } from './search/searchIndex';
import type { StoredOriginal } from './originalBytes';
import { compressOriginal, decompressOriginal } from './originalBytes';

/** The columns of SUMMARY_COLUMNS, as SQLite returns them. */
export interface SourceSummaryRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  citekey: string;
  title_derived: number;
}

interface SourceRow extends SourceSummaryRow {
  citekey_pinned: number;
  body: string;
  file_name: string;
  sha256: string;
  imported_at: string;
}

const SUMMARY_COLUMNS = 'id, title, outlet, author, published_at, url, language, citekey, title_derived';

/** A row of SUMMARY_COLUMNS as the contract's SourceSummary (every list of sources maps rows here). */
export function toSummary(row: SourceSummaryRow): SourceSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.published_at,
    url: row.url,
    language: row.language,
    citekey: row.citekey,
    titleDerived: row.title_derived === 1,
  };
}

function toSource(row: SourceRow): Source {
  return { ...toSummary(row), body: row.body, fileName: row.file_name, sha256: row.sha256, importedAt: row.imported_at, citekeyPinned: row.citekey_pinned === 1 };
}

export interface NewSource {
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  /** The importer made the title (see ParsedSource.titleDerived); absent means a title the file gave. */
  titleDerived?: boolean;
  body: string;
  fileName: string;
  original: Uint8Array;
  sha256: string;
  /** `original` already compressed against `body` (by the parse worker); compressed here when absent. */
  storedOriginal?: StoredOriginal;
}

function isCitekeyTaken(db: Db, key: string, exceptId = -1): boolean {
  return prepared(db, 'SELECT 1 FROM sources WHERE citekey = ? AND id != ?').get(key, exceptId) !== undefined;
}

/** Every citekey that starts with `base`, in one range scan of the unique index. */
function citekeysStartingWith(db: Db, base: string): Set<string> {
  const keys = prepared(db, 'SELECT citekey FROM sources WHERE citekey >= ? AND citekey < ?').pluck().all(base, `${base}\u{10FFFF}`) as string[];
  return new Set(keys);
}

/**
 * Inserts a source and indexes it for search. Inside a caller's transaction it opens no savepoint
 * of its own: FTS5 writes its pending index data to disk at every savepoint, so a savepoint per
 * source made a batch of 3,000 write 3,000 tiny index segments and merge them (measured: most of
 * an import's commit time). A failure still leaves nothing, because the caller's transaction then
 * rolls back; a caller that must keep going after one failed source (the importer) uses
 * insertSourceRow inside its own savepoint and indexes the batch after the last one.
 */
export function insertSource(db: Db, source: NewSource): number {
  const insert = () => {
    const id = insertSourceRow(db, source);
    indexSource(db, id);
    return id;
  };
  return db.inTransaction ? insert() : writeTransaction(db, insert);
}

/** Inserts the row alone (one statement, so it is whole or absent); the caller indexes it in the same transaction. */
export function insertSourceRow(db: Db, source: NewSource): number {
  {
    const base = baseCitekey(source);
    const taken = citekeysStartingWith(db, base);
    const citekey = uniqueCitekey(base, (key) => taken.has(key));
    const insert = prepared(
      db,
      `INSERT INTO sources (title, outlet, author, published_at, url, language, citekey, body, file_name, original, original_compression, sha256, imported_at, title_derived)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A worker's Buffer arrives as a plain Uint8Array (structured clone): viewed as a Buffer again, not copied.
    const stored = source.storedOriginal;
    const original = stored ? { bytes: Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength), compression: stored.compression } : compressOriginal(source.original, source.body);
    const info = insert.run(source.title, source.outlet, source.author, source.publishedAt, source.url, source.language, citekey, source.body, source.fileName, original.bytes, original.compression, source.sha256, new Date().toISOString(), source.titleDerived === true ? 1 : 0);
    return Number(info.lastInsertRowid);
  }
}

const ORDER_BY: Record<SourceSort, string> = {
  // Undated sources last, so the timeline reads from the top.
  date: 'published_at IS NULL, published_at DESC, title COLLATE NOCASE',
  title: 'title COLLATE NOCASE, id',
};

export function listSources(db: Db, options: { sort?: SourceSort; outlet?: string | null } = {}): SourceSummary[] {
  const order = ORDER_BY[options.sort ?? 'date'];
  const rows = (options.outlet
    ? db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sources WHERE outlet = ? ORDER BY ${order}`).all(options.outlet)
    : db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sources ORDER BY ${order}`).all()) as SourceRow[];
  return rows.map(toSummary);
}

/** The outlets named, in SQLite's NOCASE order (ASCII letters folded), a seek each (distinctValues.ts). */
export function listOutlets(db: Db): string[] {
  return (distinctValues(db, 'outlet', { withNull: false }) as string[]).sort(compareNocase);
}

/** A source's metadata, or null when there is no such source (export falls back to a citation's snapshot). */
export function findSourceSummary(db: Db, id: number): SourceSummary | null {
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM sources WHERE id = ?`).get(id) as SourceRow | undefined;
  return row ? toSummary(row) : null;
}

export function getSource(db: Db, id: number): Source {
  // Named columns: the original bytes are read only where they are needed (readOriginal).
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS}, citekey_pinned, body, file_name, sha256, imported_at FROM sources WHERE id = ?`).get(id) as SourceRow | undefined;
  if (!row) throw notFound(`Source ${id}`);
  return toSource(row);
}

/** The patch's fields that are columns as they are (citekeyPinned is a choice, handled by updateSource). */
const PATCH_COLUMNS: Record<Exclude<keyof SourceMetadataPatch, 'citekeyPinned'>, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  publishedAt: 'published_at',
  url: 'url',
  language: 'language',
  citekey: 'citekey',
};

const NULLABLE_FIELDS = new Set(['outlet', 'author', 'publishedAt', 'url', 'language']);

/**
 * Validated here as well as by the transports, because the CLI and other core callers reach
 * updateSource directly. A blank optional field means "unknown" and is stored as null.
 */
function normalizePatch(raw: SourceMetadataPatch): SourceMetadataPatch {
  const blanksAsNull = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, NULLABLE_FIELDS.has(key) && typeof value === 'string' && value.trim() === '' ? null : value]),
  );
  const parsed = SourceMetadataPatch.safeParse(blanksAsNull);
  if (!parsed.success) throw new ApiError('invalid_request', `The source's metadata was not changed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function updateSource(db: Db, id: number, rawPatch: SourceMetadataPatch): Source {
  const patch = normalizePatch(rawPatch);
  return writeTransaction(db, () => {
    const entries: [string, string | number | null][] = (Object.keys(PATCH_COLUMNS) as (keyof typeof PATCH_COLUMNS)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [PATCH_COLUMNS[key], patch[key] === '' ? null : (patch[key] ?? null)]);
    if (patch.citekey !== undefined && isCitekeyTaken(db, patch.citekey, id)) {
      throw new ApiError('conflict', `The citekey "${patch.citekey}" is already used by another source. Choose another.`);
    }
    const before = getSource(db, id);
    // Typing a key pins it; so does "Keep this key". "Generate the key from the details" unpins it
    // and makes it again now, as a change to the details would.
    const pinning = (patch.citekey !== undefined && patch.citekey !== before.citekey) || (patch.citekeyPinned === true && !before.citekeyPinned);
    const unpinning = patch.citekeyPinned === false && before.citekeyPinned;
    if (pinning) entries.push(['citekey_pinned', 1]);
    if (unpinning) entries.push(['citekey_pinned', 0]);
    if (patch.title !== undefined && patch.title !== before.title) entries.push(['title_derived', 0]);
    if (!pinning && (unpinning || (!before.citekeyPinned && entries.some(([column]) => CITEKEY_COLUMNS.has(column))))) {
      const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([key]) => key !== 'citekey' && key !== 'citekeyPinned')) };
      // Made again from scratch, its own key set aside: unchanged facts give back the same key, suffix and all.
      const base = baseCitekey(after);
      const taken = citekeysStartingWith(db, base);
      taken.delete(before.citekey);
      entries.push(['citekey', uniqueCitekey(base, (key) => taken.has(key))]);
    }
    if (entries.length > 0) {
      // The index holds title, outlet and author: out before the change, back in after it.
      const indexed = entries.some(([column]) => SEARCHED_COLUMNS.has(column));
      if (indexed) unindexSource(db, id);
      db.prepare(`UPDATE sources SET ${entries.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([, value]) => value), id);
      if (indexed) indexSource(db, id);
    }
    return getSource(db, id);
  });
}

/**
 * Makes an unpinned source's key again from its details, as updateSource does (its own key set
 * aside, so unchanged facts give the same key back); a pinned key is left. For changes made in
 * SQL to many sources at once (bulk "Set outlet"), inside the caller's transaction.
 */
export function remakeUnpinnedCitekey(db: Db, id: number): void {
  const row = prepared(db, 'SELECT title, outlet, author, published_at AS publishedAt, citekey FROM sources WHERE id = ? AND citekey_pinned = 0').get(id) as
    | { title: string; outlet: string | null; author: string | null; publishedAt: string | null; citekey: string }
    | undefined;
  if (!row) return;
  const base = baseCitekey(row);
  const taken = citekeysStartingWith(db, base);
  taken.delete(row.citekey);
  const citekey = uniqueCitekey(base, (key) => taken.has(key));
  if (citekey !== row.citekey) prepared(db, 'UPDATE sources SET citekey = ? WHERE id = ?').run(citekey, id);
}

const SEARCHED_COLUMNS = new Set(['title', 'outlet', 'author']);
/** What an unpinned citekey is made from (baseCitekey). */
const CITEKEY_COLUMNS = new Set(['title', 'outlet', 'author', 'published_at']);

/** Deletes a source; its highlights go with it (ON DELETE CASCADE), and out of the index too. */
export function deleteSource(db: Db, id: number): boolean {
  return writeTransaction(db, () => {
    const highlights = highlightIdsOfSource(db, id);
    unindexSource(db, id);
    const deleted = prepared(db, 'DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    for (const highlight of highlights) reindexHighlight(db, highlight);
    return deleted;
  });
}

/** The bytes of the file a source was imported from, as they were. */
export function readOriginal(db: Db, id: number): Buffer {
  const row = prepared(db, 'SELECT original, original_compression, body FROM sources WHERE id = ?').get(id) as OriginalRow | undefined;
  if (!row) throw notFound(`Source ${id}`);
  return decompressOriginal(row.original, row.original_compression, row.body);
}

interface OriginalRow {
  original: Buffer;
  original_compression: string | null;
  body: string;
}

/**
 * Replaces a source's body (a correction; reanchorSource is the caller, and moves the highlights).
 * In the same statement the original bytes are re-encoded against the new body, which they are
 * compressed against (originalBytes.ts); the index follows.
 */
export function setSourceBody(db: Db, id: number, body: string): void {
  db.transaction(() => {
    const original = compressOriginal(readOriginal(db, id), body);
    unindexSource(db, id);
    prepared(db, 'UPDATE sources SET body = ?, original = ?, original_compression = ? WHERE id = ?').run(body, original.bytes, original.compression, id);
    indexSource(db, id);
  })();
}

/** Replaces the bytes a source was imported from (a corrected version, once its body is set), stored as insertSource stores them. */
export function writeOriginal(db: Db, id: number, bytes: Uint8Array, sha256: string, fileName: string): void {
  const body = prepared(db, 'SELECT body FROM sources WHERE id = ?').pluck().get(id) as string;
  const original = compressOriginal(bytes, body);
  prepared(db, 'UPDATE sources SET original = ?, original_compression = ?, sha256 = ?, file_name = ? WHERE id = ?').run(original.bytes, original.compression, sha256, fileName, id);
}

export function countSources(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
}
