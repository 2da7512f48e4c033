import { tagKey } from '../../shared/domain/highlight';
import { ApiError } from '../../shared/api/errors';
import type { Db } from '../db/db';
import type { TagInfo } from './codebook';

/**
 * What the compare tables (issue 11: collections, outlets with their country, codes with colour
 * and description) add to a REFI-QDA export, read only where the library has them: this branch
 * was written beside that work, so each table is looked for before it is read.
 */
const hasTable = (db: Db, name: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
const hasColumn = (db: Db, table: string, column: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).some((row) => row.name === column);

/** The source ids of the named collection, or a not_found error that says there is no such collection. */
export function collectionSources(db: Db, name: string): Set<number> {
  const row = hasTable(db, 'collections') ? (db.prepare('SELECT id FROM collections WHERE name_key = ?').get(tagKey(name)) as { id: number } | undefined) : undefined;
  if (!row) throw new ApiError('not_found', `There is no such collection "${name}". See \`marginalia collections\`, or export the whole library without --collection.`);
  return new Set(db.prepare('SELECT source_id FROM collection_sources WHERE collection_id = ?').pluck().all(row.id) as number[]);
}

/** Each tag's colour and description, where the tags table has them (as codebook.ts wants them). */
export function tagInfoReader(db: Db): (name: string) => TagInfo {
  if (!hasColumn(db, 'tags', 'color')) return (name) => ({ name });
  const statement = db.prepare('SELECT color, description FROM tags WHERE name = ?');
  return (name) => {
    const row = statement.get(name) as { color: string | null; description: string | null } | undefined;
    return { name, color: row?.color ?? null, description: row?.description ?? null };
  };
}

/** An outlet's country (ISO 3166-1 alpha-2), where the outlets table says it. */
export function outletCountryReader(db: Db): (outlet: string) => string | null {
  if (!hasTable(db, 'outlets')) return () => null;
  const statement = db.prepare('SELECT country FROM outlets WHERE name = ?');
  return (outlet) => (statement.get(outlet) as { country: string | null } | undefined)?.country ?? null;
}
