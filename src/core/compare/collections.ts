import type { Collection } from '../../shared/domain/compare';
import { tagKey } from '../../shared/domain/highlight';
import { notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { writeTransaction } from '../db/writeTransaction';

/** Collections (issue 11): named sets of sources, one source in any number of them. */
export function listCollections(db: Db): Collection[] {
  return db
    .prepare(
      `SELECT c.name, (SELECT count(*) FROM collection_sources cs WHERE cs.collection_id = c.id) AS sourceCount
       FROM collections c ORDER BY c.name_key`,
    )
    .all() as Collection[];
}

function collectionId(db: Db, name: string): number | undefined {
  return (db.prepare('SELECT id FROM collections WHERE name_key = ?').get(tagKey(name)) as { id: number } | undefined)?.id;
}

/** Adds sources to a collection, creating it if needed; a source already in it stays once. */
export function addToCollection(db: Db, name: string, sourceIds: readonly number[]): Collection {
  return writeTransaction(db, () => {
    const missing = sourceIds.filter((id) => !db.prepare('SELECT 1 FROM sources WHERE id = ?').get(id));
    if (missing.length > 0) throw notFound(`Source ${missing.join(', ')} (see \`marginalia list\` for the ids)`);
    let id = collectionId(db, name);
    if (id === undefined) {
      id = Number(db.prepare('INSERT INTO collections (name, name_key, created_at) VALUES (?, ?, ?)').run(name, tagKey(name), new Date().toISOString()).lastInsertRowid);
    }
    const insert = db.prepare('INSERT OR IGNORE INTO collection_sources (collection_id, source_id) VALUES (?, ?)');
    for (const sourceId of sourceIds) insert.run(id, sourceId);
    return listCollections(db).find((collection) => tagKey(collection.name) === tagKey(name))!;
  });
}

export function removeFromCollection(db: Db, name: string, sourceIds: readonly number[]): Collection {
  return writeTransaction(db, () => {
    const id = collectionId(db, name);
    if (id === undefined) throw notFound(`Collection "${name}"`);
    const remove = db.prepare('DELETE FROM collection_sources WHERE collection_id = ? AND source_id = ?');
    for (const sourceId of sourceIds) remove.run(id, sourceId);
    return listCollections(db).find((collection) => tagKey(collection.name) === tagKey(name))!;
  });
}

/** Deletes the collection; its sources stay in the library. */
export function deleteCollection(db: Db, name: string): void {
  const removed = db.prepare('DELETE FROM collections WHERE name_key = ?').run(tagKey(name)).changes;
  if (removed === 0) throw notFound(`Collection "${name}"`);
}

/** The ids of the sources in a collection, for the library's filter. */
export function collectionSourceIds(db: Db, name: string): number[] {
  const id = collectionId(db, name);
  if (id === undefined) throw notFound(`Collection "${name}"`);
  return db.prepare('SELECT source_id FROM collection_sources WHERE collection_id = ? ORDER BY source_id').pluck().all(id) as number[];
}
