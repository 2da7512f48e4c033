import type { Code } from '../../shared/domain/compare';
import { CodeColor, normalizeCodeName, parentCode } from '../../shared/domain/compare';
import { TAG_MAX_LENGTH, tagKey } from '../../shared/domain/highlight';
import { ApiError, notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { writeTransaction } from '../db/writeTransaction';
import { reindexHighlight } from '../search/searchIndex';

/**
 * The codebook (issue 11). Codes are the tags table: the hierarchy is the `/` in a full name, so a
 * parent need not be a row of its own (it is listed because a child names it). Renames, merges and
 * deletes change tags and highlight_tags rows only; the triggers of migration 6 re-index the
 * affected highlights' search text in the same transaction, so `tag:` searches stay right.
 */
interface TagRow {
  id: number;
  name: string;
  name_key: string;
  color: string | null;
  description: string;
}

/** Every ancestor path of a code and the code itself: `a/b/c` → `a`, `a/b`, `a/b/c`. */
export function codePaths(name: string): string[] {
  const parts = name.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** SQL matching a code (on tags aliased `alias`) or any code below it; binds key, key + '/', key + '0'. */
export const CODE_OR_CHILD_SQL = (alias: string) => `(${alias}.name_key = ? OR (${alias}.name_key >= ? AND ${alias}.name_key < ?))`;
export const codeOrChildParams = (name: string): [string, string, string] => {
  const key = tagKey(normalizeCodeName(name));
  // '0' is the character after '/', so [key/, key0) is every key below this one.
  return [key, `${key}/`, `${key}0`];
};

/**
 * The codebook in tree order; `count: false` leaves every passageCount 0 (the matrix counts its own).
 * Counts are SQL, never every coding read into the process (that was ~400 ms at 50,000 passages,
 * and Passages waited for it): a code without children counts its rows in highlight_tags_tag; a
 * code with children counts its passages and theirs distinctly (a passage coded twice under it
 * counts once), exactly what the code filter lists.
 */
export function listCodes(db: Db, options: { count?: boolean } = {}): Code[] {
  const tags = db.prepare('SELECT id, name, name_key, color, description FROM tags').all() as TagRow[];
  const byKey = new Map<string, Code>();
  for (const tag of tags) {
    for (const path of codePaths(tag.name)) {
      const key = tagKey(path);
      if (!byKey.has(key)) byKey.set(key, { name: path, parent: parentCode(path), color: null, description: '', passageCount: 0 });
    }
    // A row of its own gives the code its spelling, colour and description.
    byKey.set(tag.name_key, { name: tag.name, parent: parentCode(tag.name), color: tag.color, description: tag.description, passageCount: 0 });
  }
  const counts = new Map<string, number>();
  if (options.count !== false && tags.length > 0) {
    const parents = new Set<string>();
    for (const key of byKey.keys()) {
      const parent = parentCode(key);
      if (parent !== null) parents.add(tagKey(parent));
    }
    const keyOfTag = new Map(tags.map((tag) => [tag.id, tag.name_key]));
    const perTag = db.prepare('SELECT tag_id AS id, count(*) AS n FROM highlight_tags GROUP BY tag_id').all() as { id: number; n: number }[];
    for (const { id, n } of perTag) {
      const key = keyOfTag.get(id);
      if (key !== undefined && !parents.has(key)) counts.set(key, n);
    }
    const distinct = db.prepare(`SELECT count(DISTINCT ht.highlight_id) FROM tags t JOIN highlight_tags ht ON ht.tag_id = t.id WHERE ${CODE_OR_CHILD_SQL('t')}`).pluck();
    for (const key of parents) counts.set(key, distinct.get(...codeOrChildParams(key)) as number);
  }
  // Parents are spelled as their rows are, so a child's `parent` is the parent's `name`.
  const codes = [...byKey.entries()].map(([key, code]) => {
    const parent = code.parent === null ? null : (byKey.get(tagKey(code.parent))?.name ?? code.parent);
    return { ...code, parent, passageCount: counts.get(key) ?? 0 };
  });
  return codes.sort((a, b) => compareCodeNames(a.name, b.name));
}

/** Tree order: a parent right before its children, siblings case-insensitively. */
export function compareCodeNames(a: string, b: string): number {
  const pa = tagKey(a).split('/');
  const pb = tagKey(b).split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

function codeRow(db: Db, name: string): TagRow | undefined {
  return db.prepare('SELECT id, name, name_key, color, description FROM tags WHERE name_key = ?').get(tagKey(name)) as TagRow | undefined;
}

function checkLength(name: string): void {
  if (name.length > TAG_MAX_LENGTH) throw new ApiError('invalid_request', `The code "${name.slice(0, 30)}…" is longer than ${TAG_MAX_LENGTH} characters. Choose a shorter name.`);
}

/** Sets a code's colour and/or description, creating the code (with no passages yet) if needed. */
export function setCode(db: Db, rawName: string, patch: { color?: string | null; description?: string }): Code {
  const name = normalizeCodeName(rawName);
  if (name === '') throw new ApiError('invalid_request', 'A code cannot be empty.');
  checkLength(name);
  let color = patch.color;
  if (color != null) {
    const parsed = CodeColor.safeParse(color);
    if (!parsed.success) throw new ApiError('invalid_request', `The colour "${color}" of code "${name}" is not #rrggbb (e.g. #d9480f).`);
    color = parsed.data;
  }
  return writeTransaction(db, () => {
    if (!codeRow(db, name)) db.prepare('INSERT INTO tags (name, name_key) VALUES (?, ?)').run(name, tagKey(name));
    if (color !== undefined) db.prepare('UPDATE tags SET color = ? WHERE name_key = ?').run(color, tagKey(name));
    if (patch.description !== undefined) db.prepare('UPDATE tags SET description = ? WHERE name_key = ?').run(patch.description, tagKey(name));
    return listCodes(db).find((code) => tagKey(code.name) === tagKey(name))!;
  });
}

/** The code's own row and the rows of every code below it. */
function subtree(db: Db, name: string): TagRow[] {
  const [key, low, high] = codeOrChildParams(name);
  return db.prepare('SELECT id, name, name_key, color, description FROM tags WHERE name_key = ? OR (name_key >= ? AND name_key < ?)').all(key, low, high) as TagRow[];
}

/** The passages carrying any of these codes: their search text holds the code names, so a change re-indexes them. */
function passagesOf(db: Db, tagIds: number[]): number[] {
  if (tagIds.length === 0) return [];
  return db.prepare(`SELECT DISTINCT highlight_id FROM highlight_tags WHERE tag_id IN (${tagIds.map(() => '?').join(', ')})`).pluck().all(...tagIds) as number[];
}

/** Moves one tag's passages onto another and removes it; the target keeps its colour and description where it has them. */
function mergeRow(db: Db, from: TagRow, into: TagRow): void {
  db.prepare('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ?').run(into.id, from.id);
  db.prepare(`UPDATE tags SET color = coalesce(color, ?), description = CASE WHEN description = '' THEN ? ELSE description END WHERE id = ?`).run(from.color, from.description, into.id);
  db.prepare('DELETE FROM tags WHERE id = ?').run(from.id);
}

/**
 * Renames a code everywhere, its children with it (`a/b` → `x/b` when `a` becomes `x`). Where the
 * new name is already a code, the two are merged: its passages carry the code once. Returns how
 * many passages now carry the new code (or one below it).
 */
export function renameCode(db: Db, rawFrom: string, rawTo: string): Code {
  const from = normalizeCodeName(rawFrom);
  const to = normalizeCodeName(rawTo);
  if (to === '') throw new ApiError('invalid_request', 'A code cannot be empty.');
  const fromKey = tagKey(from);
  const toKey = tagKey(to);
  if (toKey.startsWith(`${fromKey}/`)) throw new ApiError('invalid_request', `Cannot move the code "${from}" under itself ("${to}").`);
  return writeTransaction(db, () => {
    const rows = subtree(db, from);
    if (rows.length === 0) throw notFound(`Code "${from}" (see \`marginalia codes\`)`);
    const affected = passagesOf(db, rows.map((row) => row.id));
    const depth = from.split('/').length;
    for (const row of rows) {
      const rest = row.name.split('/').slice(depth);
      const name = [to, ...rest].join('/');
      checkLength(name);
      const target = codeRow(db, name);
      if (target && target.id !== row.id) mergeRow(db, row, target);
      else db.prepare('UPDATE tags SET name = ?, name_key = ? WHERE id = ?').run(name, tagKey(name), row.id);
    }
    for (const id of affected) reindexHighlight(db, id);
    return listCodes(db).find((code) => tagKey(code.name) === toKey)!;
  });
}

/** Merging is renaming onto a code that exists: every passage of `from` (and below) gets `into`. */
export function mergeCodes(db: Db, from: string, into: string): Code {
  const intoName = normalizeCodeName(into);
  if (!codeRow(db, intoName) && subtree(db, intoName).length === 0) throw notFound(`Code "${intoName}" to merge into (see \`marginalia codes\`)`);
  return renameCode(db, from, intoName);
}

/** Deletes a code and the codes below it; passages keep their other codes. Returns the passages it was removed from. */
export function deleteCode(db: Db, rawName: string): { removedFrom: number } {
  const name = normalizeCodeName(rawName);
  return writeTransaction(db, () => {
    const rows = subtree(db, name);
    if (rows.length === 0) throw notFound(`Code "${name}" (see \`marginalia codes\`)`);
    const ids = rows.map((row) => row.id);
    const placeholders = ids.map(() => '?').join(', ');
    const removedFrom = (db.prepare(`SELECT count(DISTINCT highlight_id) AS n FROM highlight_tags WHERE tag_id IN (${placeholders})`).get(...ids) as { n: number }).n;
    const affected = passagesOf(db, ids);
    db.prepare(`DELETE FROM tags WHERE id IN (${placeholders})`).run(...ids);
    for (const id of affected) reindexHighlight(db, id);
    return { removedFrom };
  });
}
