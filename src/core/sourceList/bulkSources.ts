import type { SourceSelection } from '../../shared/domain/sourceList';
import { SourceSelection as SourceSelectionSchema } from '../../shared/domain/sourceList';
import { ApiError } from '../../shared/api/errors';
import type { Collection } from '../../shared/domain/compare';
import { addToCollection } from '../compare/collections';
import type { Db } from '../db/db';
import { andWhere, sourceFilterSql } from './sourceFilterSql';
import { writeTransaction } from '../db/writeTransaction';
import { remakeUnpinnedCitekey } from '../sources';
import { indexSource, reindexHighlight, unindexSource } from '../search/searchIndex';

/** The selection as a WHERE clause over `sources`: listed ids, or a filter minus some ids. */
function selectionSql(db: Db, raw: SourceSelection): { where: string; params: Record<string, string | number> } {
  const selection = SourceSelectionSchema.parse(raw);
  if ('ids' in selection) return { where: 'WHERE id IN (SELECT value FROM json_each(@ids))', params: { ids: JSON.stringify(selection.ids) } };
  const filter = sourceFilterSql(db, selection.filter);
  if (selection.except.length === 0) return filter;
  return { where: andWhere(filter.where, 'id NOT IN (SELECT value FROM json_each(@except))'), params: { ...filter.params, except: JSON.stringify(selection.except) } };
}

/**
 * What a bulk delete took, kept for its undo in this connection's temporary schema (never in the
 * library file): the source rows, their highlights with their tags, PDF page starts, and which
 * citations pointed at them. Only the last bulk delete can be undone, and only while the library
 * stays open; that is the undo the app offers (a few seconds' "Undo"), not a trash.
 */
const TRASH_TABLES = ['trash_sources', 'trash_highlights', 'trash_highlight_tags', 'trash_tags', 'trash_pages', 'trash_citations'];

let lastBatch = 0;
const batches = new WeakMap<Db, number>();

export function deleteSources(db: Db, selection: SourceSelection): { deleted: number; undoToken: string } {
  const { where, params } = selectionSql(db, selection);
  return writeTransaction(db, () => {
    for (const table of TRASH_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    db.prepare(`CREATE TEMP TABLE trash_sources AS SELECT * FROM sources ${where}`).run(params);
    db.exec(`
      CREATE TEMP TABLE trash_highlights AS SELECT * FROM highlights WHERE source_id IN (SELECT id FROM temp.trash_sources);
      CREATE TEMP TABLE trash_highlight_tags AS SELECT * FROM highlight_tags WHERE highlight_id IN (SELECT id FROM temp.trash_highlights);
      CREATE TEMP TABLE trash_tags AS SELECT * FROM tags WHERE id IN (SELECT tag_id FROM temp.trash_highlight_tags);
      CREATE TEMP TABLE trash_pages AS SELECT * FROM source_pages WHERE source_id IN (SELECT id FROM temp.trash_sources);
      CREATE TEMP TABLE trash_citations AS SELECT id, source_id FROM citations WHERE source_id IN (SELECT id FROM temp.trash_sources);
    `);
    // Out of the search index (written in TypeScript since migration 7): the sources before they go,
    // their highlights after (reindexHighlight of a highlight that is gone removes its entry).
    const sourceIds = db.prepare('SELECT id FROM temp.trash_sources').pluck().all() as number[];
    const highlightIds = db.prepare('SELECT id FROM temp.trash_highlights').pluck().all() as number[];
    for (const id of sourceIds) unindexSource(db, id);
    const deleted = db.prepare('DELETE FROM sources WHERE id IN (SELECT id FROM temp.trash_sources)').run().changes;
    for (const id of highlightIds) reindexHighlight(db, id);
    const batch = ++lastBatch;
    batches.set(db, batch);
    return { deleted, undoToken: `bulk-delete-${batch}` };
  });
}

/**
 * Puts back what deleteSources took, with the same ids, so citations and links find their sources
 * again. A source whose id, file or citekey was taken meanwhile (the same file imported again)
 * stays deleted and is counted in `skipped`.
 */
export function restoreSources(db: Db, undoToken: string): { restored: number; skipped: number } {
  if (undoToken !== `bulk-delete-${batches.get(db) ?? 0}` || batches.get(db) === undefined) {
    throw new ApiError('not_found', 'That deletion can no longer be undone: only the last bulk delete can, while the library stays open.');
  }
  return writeTransaction(db, () => {
    const total = (db.prepare('SELECT count(*) AS n FROM temp.trash_sources').get() as { n: number }).n;
    const restored = db
      .prepare(
        `INSERT INTO sources SELECT * FROM temp.trash_sources t
         WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = t.id OR s.sha256 = t.sha256 OR s.citekey = t.citekey)`,
      )
      .run().changes;
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS restored_ids (id INTEGER PRIMARY KEY);
      DELETE FROM temp.restored_ids;
      INSERT INTO temp.restored_ids SELECT id FROM temp.trash_sources t WHERE EXISTS (SELECT 1 FROM sources s WHERE s.id = t.id AND s.sha256 = t.sha256);
      INSERT INTO highlights SELECT * FROM temp.trash_highlights h
        WHERE h.source_id IN (SELECT id FROM temp.restored_ids) AND NOT EXISTS (SELECT 1 FROM highlights x WHERE x.id = h.id);
      INSERT OR IGNORE INTO tags (name, name_key) SELECT name, name_key FROM temp.trash_tags;
      INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id)
        SELECT ht.highlight_id, tags.id FROM temp.trash_highlight_tags ht
        JOIN temp.trash_tags tt ON tt.id = ht.tag_id JOIN tags ON tags.name_key = tt.name_key
        WHERE ht.highlight_id IN (SELECT id FROM highlights);
      INSERT OR IGNORE INTO source_pages SELECT * FROM temp.trash_pages WHERE source_id IN (SELECT id FROM temp.restored_ids);
      UPDATE citations SET source_id = (SELECT t.source_id FROM temp.trash_citations t WHERE t.id = citations.id)
        WHERE source_id IS NULL AND id IN (SELECT t.id FROM temp.trash_citations t WHERE t.source_id IN (SELECT id FROM temp.restored_ids));
    `);
    // Back into the search index, as an import and a new highlight would be.
    for (const id of db.prepare('SELECT id FROM temp.restored_ids').pluck().all() as number[]) indexSource(db, id);
    for (const id of db.prepare('SELECT id FROM highlights WHERE source_id IN (SELECT id FROM temp.restored_ids)').pluck().all() as number[]) reindexHighlight(db, id);
    for (const table of [...TRASH_TABLES, 'restored_ids']) db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    batches.delete(db);
    return { restored, skipped: total - restored };
  });
}

/** Sets (or, with null, clears) the outlet of every selected source. */
export function setSourcesOutlet(db: Db, selection: SourceSelection, outlet: string | null): { updated: number } {
  const { where, params } = selectionSql(db, selection);
  const value = outlet === null || outlet.trim() === '' ? null : outlet.normalize('NFC').trim();
  return writeTransaction(db, () => {
    // The index holds each source's outlet: out before the change, back in after it (as updateSource does).
    const ids = db.prepare(`SELECT id FROM sources ${where}`).pluck().all(params) as number[];
    for (const id of ids) unindexSource(db, id);
    const updated = db.prepare(`UPDATE sources SET outlet = @newOutlet ${where}`).run({ ...params, newOutlet: value }).changes;
    for (const id of ids) {
      indexSource(db, id);
      // An unsigned source's key is made from its outlet.
      remakeUnpinnedCitekey(db, id);
    }
    return { updated };
  });
}

/**
 * Adds every selected source to the collection `name` (created if new), a Ctrl+A of 100,000 rows
 * included: the selection is resolved here, in the transaction, not sent as ids.
 */
export function addSourcesToCollection(db: Db, selection: SourceSelection, name: string): Collection {
  const { where, params } = selectionSql(db, selection);
  return writeTransaction(db, () => addToCollection(db, name, db.prepare(`SELECT id FROM sources ${where}`).pluck().all(params) as number[]));
}
