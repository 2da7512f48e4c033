import type { NoteSummary } from '../../shared/domain/note';
import { ApiError, notFound } from '../../shared/api/errors';
import type { NoteContent } from '../../shared/notes/readEditorState';
import type { Db } from '../db/db';
import { writeNoteSearchText } from '../search/searchIndex';

/**
 * A note's row and the writes every way of saving a note shares (saveNote in notes.ts, every
 * applied Yjs update in noteDocs.ts). Its own module so that notes.ts and noteDocs.ts both import
 * it and not each other.
 */

export interface NoteRow {
  id: number;
  title: string;
  editor_state: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  citation_count: number;
}

export const CITATION_COUNT = '(SELECT count(*) FROM citations c WHERE c.note_id = notes.id) AS citation_count';

export const toSummary = (row: NoteRow): NoteSummary => ({ id: row.id, title: row.title, updatedAt: row.updated_at, citationCount: row.citation_count });

/** The row whatever its state; undefined when there never was one (or it was purged). */
export function findRow(db: Db, id: number): NoteRow | undefined {
  return db.prepare(`SELECT id, title, editor_state, created_at, updated_at, deleted_at, ${CITATION_COUNT} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
}

export function liveRow(db: Db, id: number): NoteRow {
  const row = findRow(db, id);
  if (!row) throw notFound(`Note ${id}`);
  if (row.deleted_at !== null) throw new ApiError('not_found', `Note ${id} ("${row.title}") was deleted. Undo the deletion to edit it again.`);
  return row;
}

/**
 * Writes a note's content and what is derived from it: the plain text for search and the citation
 * rows for backlinks. The caller holds the transaction, so the citations table never disagrees
 * with the note (saveNote in notes.ts, and every applied Yjs update in noteDocs.ts).
 */
export function storeNoteContent(db: Db, id: number, title: string, editorState: string, content: NoteContent): void {
  const insertCitation = db.prepare(
    // A cited source may have been deleted meanwhile: then the row keeps no source (the note keeps its snapshot).
    'INSERT INTO citations (note_id, ordinal, source_id, highlight_id) VALUES (?, ?, (SELECT id FROM sources WHERE id = ?), ?)',
  );
  db.prepare('UPDATE notes SET title = ?, editor_state = ?, plain_text = ?, updated_at = ? WHERE id = ?').run(title, editorState, content.plainText, new Date().toISOString(), id);
  writeNoteSearchText(db, id);
  // Typing changes the text far more often than the citations: rows already right are left alone.
  const stored = db.prepare('SELECT source_id AS sourceId, highlight_id AS highlightId FROM citations WHERE note_id = ? ORDER BY ordinal').all(id) as { sourceId: number | null; highlightId: number | null }[];
  const unchanged =
    stored.length === content.citations.length &&
    stored.every((row, ordinal) => row.highlightId === content.citations[ordinal]!.highlightId && (row.sourceId === content.citations[ordinal]!.sourceId || row.sourceId === null));
  if (unchanged) return;
  db.prepare('DELETE FROM citations WHERE note_id = ?').run(id);
  content.citations.forEach((citation, ordinal) => insertCitation.run(id, ordinal, citation.sourceId, citation.highlightId));
}

