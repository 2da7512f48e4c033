import type { Highlight, TagUsage } from '../../shared/domain/highlight';
import { MAX_TAGS_PER_HIGHLIGHT, normalizeTagName, TAG_MAX_LENGTH, tagKey } from '../../shared/domain/highlight';
import { ApiError } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { reindexHighlight } from '../search/searchIndex';
import { getHighlight } from './highlightRows';
import { writeTransaction } from '../db/writeTransaction';

/**
 * Tags are library-wide and unique regardless of case in any script: the first spelling used
 * is kept ("Blockade" stays, "blockade" finds it). A tag exists while some highlight carries it,
 * so a mistyped tag leaves autocomplete once it is removed.
 */
function tagIdFor(db: Db, name: string): number {
  const spelled = normalizeTagName(name);
  if (spelled === '') throw new ApiError('invalid_request', 'A tag cannot be empty. Type a word or two.');
  // Checked here as well as in the request schema: restore and import hand tags in from elsewhere.
  if (spelled.length > TAG_MAX_LENGTH) throw new ApiError('invalid_request', `The tag "${spelled.slice(0, 20)}…" is longer than ${TAG_MAX_LENGTH} characters. Shorten it.`);
  const key = tagKey(spelled);
  const existing = db.prepare('SELECT id FROM tags WHERE name_key = ?').get(key) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(db.prepare('INSERT INTO tags (name, name_key) VALUES (?, ?)').run(spelled, key).lastInsertRowid);
}

/** Attaches tags by name inside the caller's transaction; a tag already there is left as it is. */
export function attachTags(db: Db, highlightId: number, names: readonly string[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)');
  for (const name of names) insert.run(highlightId, tagIdFor(db, name));
  const count = (db.prepare('SELECT count(*) AS n FROM highlight_tags WHERE highlight_id = ?').get(highlightId) as { n: number }).n;
  if (count > MAX_TAGS_PER_HIGHLIGHT) {
    throw new ApiError('invalid_request', `Highlight ${highlightId} would have ${count} tags; a highlight has at most ${MAX_TAGS_PER_HIGHLIGHT}. Remove some first.`);
  }
  // Also indexes a highlight just inserted (insertHighlight attaches its tags last).
  reindexHighlight(db, highlightId);
}

/** A code of the codebook (with a colour or a description, issue 11) is kept even when unused. */
export function deleteUnusedTags(db: Db): void {
  db.prepare("DELETE FROM tags WHERE color IS NULL AND description = '' AND NOT EXISTS (SELECT 1 FROM highlight_tags ht WHERE ht.tag_id = tags.id)").run();
}

function touch(db: Db, highlightId: number): void {
  db.prepare('UPDATE highlights SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), highlightId);
}

export function addHighlightTag(db: Db, highlightId: number, name: string): Highlight {
  return writeTransaction(db, () => {
    const before = getHighlight(db, highlightId);
    attachTags(db, highlightId, [name]);
    if (!before.tags.some((tag) => tagKey(tag) === tagKey(name))) touch(db, highlightId);
    return getHighlight(db, highlightId);
  });
}

/** Removing a tag the highlight does not carry is not an error: the result is the same. */
export function removeHighlightTag(db: Db, highlightId: number, name: string): Highlight {
  return writeTransaction(db, () => {
    getHighlight(db, highlightId);
    const removed = db
      .prepare('DELETE FROM highlight_tags WHERE highlight_id = ? AND tag_id = (SELECT id FROM tags WHERE name_key = ?)')
      .run(highlightId, tagKey(name)).changes;
    if (removed > 0) {
      reindexHighlight(db, highlightId);
      touch(db, highlightId);
      deleteUnusedTags(db);
    }
    return getHighlight(db, highlightId);
  });
}

/** Every tag in use, for autocomplete, with how many highlights carry it. */
export function listTags(db: Db): TagUsage[] {
  return db
    .prepare(
      `SELECT t.name, count(*) AS count FROM tags t JOIN highlight_tags ht ON ht.tag_id = t.id
       GROUP BY t.id ORDER BY t.name_key`,
    )
    .all() as TagUsage[];
}
