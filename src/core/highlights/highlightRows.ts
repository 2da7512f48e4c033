import type { Highlight, HighlightColor } from '../../shared/domain/highlight';
import { notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';

export interface HighlightRow {
  id: number;
  source_id: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  comment: string;
  translation: string | null;
  translation_language: string | null;
  translation_tool: string | null;
  orphaned: 0 | 1;
  created_at: string;
  updated_at: string;
}

/** The schema holds a translation's language non-null exactly when its text is (migration 11). */
function toHighlight(row: HighlightRow, tags: string[]): Highlight {
  return {
    id: row.id,
    sourceId: row.source_id,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    comment: row.comment,
    tags,
    translation: row.translation === null ? null : { text: row.translation, language: row.translation_language!, tool: row.translation_tool },
    orphaned: row.orphaned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Document order; orphans last, since their offsets no longer point into the text. */
const DOCUMENT_ORDER = 'h.orphaned, h.start, h.end, h.id';
const TAG_ORDER = 't.name_key';

/** Attaches tags with one query for the whole list rather than one per highlight. */
function withTags(rows: HighlightRow[], tagRows: { highlight_id: number; name: string }[]): Highlight[] {
  const tags = new Map<number, string[]>();
  for (const { highlight_id, name } of tagRows) {
    const list = tags.get(highlight_id);
    if (list) list.push(name);
    else tags.set(highlight_id, [name]);
  }
  return rows.map((row) => toHighlight(row, tags.get(row.id) ?? []));
}

export function getHighlight(db: Db, id: number): Highlight {
  const row = db.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as HighlightRow | undefined;
  if (!row) throw notFound(`Highlight ${id}`);
  const tagRows = db
    .prepare(`SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = ? ORDER BY ${TAG_ORDER}`)
    .all(id) as { highlight_id: number; name: string }[];
  return toHighlight(row, tagRows.map((tag) => tag.name));
}

export function requireSourceBody(db: Db, sourceId: number): string {
  const row = db.prepare('SELECT body FROM sources WHERE id = ?').get(sourceId) as { body: string } | undefined;
  if (!row) throw notFound(`Source ${sourceId}`);
  return row.body;
}

/** A source's highlights in document order, orphans last and flagged. */
export function listHighlights(db: Db, sourceId: number): Highlight[] {
  requireSourceBody(db, sourceId);
  const rows = db.prepare(`SELECT h.* FROM highlights h WHERE h.source_id = ? ORDER BY ${DOCUMENT_ORDER}`).all(sourceId) as HighlightRow[];
  const tagRows = db
    .prepare(
      `SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
       JOIN highlights h ON h.id = ht.highlight_id WHERE h.source_id = ? ORDER BY ${TAG_ORDER}`,
    )
    .all(sourceId) as { highlight_id: number; name: string }[];
  return withTags(rows, tagRows);
}

/** Every highlight of the library, source by source, each in document order. */
export function listAllHighlights(db: Db): Highlight[] {
  const rows = db.prepare(`SELECT h.* FROM highlights h ORDER BY h.source_id, ${DOCUMENT_ORDER}`).all() as HighlightRow[];
  const tagRows = db
    .prepare(`SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id ORDER BY ${TAG_ORDER}`)
    .all() as { highlight_id: number; name: string }[];
  return withTags(rows, tagRows);
}
