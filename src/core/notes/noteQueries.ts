import type { Note, NoteSummary } from '../../shared/domain/note';
import type { Db } from '../db/db';
import { CITATION_COUNT, liveRow, toSummary } from './noteRows';
import type { NoteRow } from './noteRows';

// The notes list and a note's stored text: what a window asks for as it opens, apart from
// notes.ts, whose saves need the note documents (Yjs, Lexical) that load later (handlers.ts).
export function listNotes(db: Db): NoteSummary[] {
  const rows = db
    .prepare(`SELECT id, title, updated_at, ${CITATION_COUNT} FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC`)
    .all() as NoteRow[];
  return rows.map(toSummary);
}

/** Rows per page of the notes list: a screenful many times over. */
export const NOTE_PAGE_SIZE = 200;

/**
 * One page of the notes list (issue 13: 10,000 notes), most recently edited first, with the number
 * of live notes. The order is notes_recent's (deleted_at, updated_at) read backwards, so a page
 * costs its own rows (and their citation counts), however long the list; the offset walks index
 * entries only.
 */
export function listNotePage(db: Db, { offset = 0, limit = NOTE_PAGE_SIZE }: { offset?: number; limit?: number } = {}): { notes: NoteSummary[]; total: number } {
  const rows = db
    .prepare(`SELECT id, title, updated_at, ${CITATION_COUNT} FROM notes INDEXED BY notes_recent WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(limit, offset) as NoteRow[];
  const total = db.prepare('SELECT count(*) FROM notes INDEXED BY notes_recent WHERE deleted_at IS NULL').pluck().get() as number;
  return { notes: rows.map(toSummary), total };
}

export function getNote(db: Db, id: number): Note {
  const row = liveRow(db, id);
  return { ...toSummary(row), createdAt: row.created_at, editorState: row.editor_state };
}

