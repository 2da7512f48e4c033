import type { CitationTargetStatus, NoteBacklink } from '../../shared/api/notes';
import type { Db } from '../db/db';

interface BacklinkRow {
  note_id: number;
  title: string;
  updated_at: string;
  ordinal: number;
  highlight_id: number | null;
}

/**
 * "Cited in": the live notes citing a source (through any of its passages, or whole) or one
 * highlight, most recently edited first, each with its citations of it in document order.
 */
export function listBacklinks(db: Db, target: { sourceId: number } | { highlightId: number }): NoteBacklink[] {
  const [column, id] = 'sourceId' in target ? ['source_id', target.sourceId] : ['highlight_id', target.highlightId];
  const rows = db
    .prepare(
      `SELECT n.id AS note_id, n.title, n.updated_at, c.ordinal, c.highlight_id
       FROM citations c JOIN notes n ON n.id = c.note_id
       WHERE c.${column} = ? AND n.deleted_at IS NULL
       ORDER BY n.updated_at DESC, n.id DESC, c.ordinal`,
    )
    .all(id) as BacklinkRow[];
  const byNote = new Map<number, NoteBacklink>();
  for (const row of rows) {
    let note = byNote.get(row.note_id);
    if (!note) byNote.set(row.note_id, (note = { noteId: row.note_id, title: row.title, updatedAt: row.updated_at, citations: [] }));
    note.citations.push({ ordinal: row.ordinal, highlightId: row.highlight_id });
  }
  return [...byNote.values()];
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function missing(db: Db, table: string, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  // A library without the table has none of its rows: every id is gone (or never was).
  if (!hasTable(db, table)) return unique;
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
  return unique.filter((id) => exists.get(id) === undefined);
}

/**
 * Which of the cited sources and highlights no longer exist. A citation keeps its snapshot, so the
 * note still reads; the chip uses this to say the passage (or source) is gone.
 */
export function checkCitationTargets(db: Db, sourceIds: number[], highlightIds: number[]): CitationTargetStatus {
  return db.transaction(() => ({
    missingSourceIds: missing(db, 'sources', sourceIds),
    missingHighlightIds: missing(db, 'highlights', highlightIds),
    sources: currentDetails(db, sourceIds),
    translations: translationsOf(db, highlightIds),
  }))();
}

/** The cited highlights' translations, in the order asked (issue 14). */
function translationsOf(db: Db, highlightIds: number[]): CitationTargetStatus['translations'] {
  if (!hasTable(db, 'highlights')) return [];
  const read = db.prepare('SELECT translation AS text, translation_language AS language, translation_tool AS tool FROM highlights WHERE id = ? AND translation IS NOT NULL');
  return [...new Set(highlightIds)].flatMap((highlightId) => {
    const translation = read.get(highlightId) as { text: string; language: string; tool: string | null } | undefined;
    return translation ? [{ highlightId, translation }] : [];
  });
}

interface DetailsRow {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  citekey: string | null;
}

/** What a chip shows of each cited source that still exists: its details now, not when it was cited. */
function currentDetails(db: Db, sourceIds: number[]): CitationTargetStatus['sources'] {
  if (!hasTable(db, 'sources')) return [];
  const read = db.prepare<[number], DetailsRow>('SELECT id, title, outlet, author, published_at AS publishedAt, citekey FROM sources WHERE id = ?');
  return [...new Set(sourceIds)].flatMap((id) => {
    const row = read.get(id);
    return row ? [{ ...row }] : [];
  });
}
