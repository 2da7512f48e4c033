import type { Note, NoteSummary } from '../../shared/domain/note';
import { DEFAULT_NOTE_TITLE } from '../../shared/api/notes';
import { ApiError } from '../../shared/api/errors';
import type { NoteContent } from '../../shared/notes/readEditorState';
import { EditorStateError, EMPTY_EDITOR_STATE, readEditorState } from '../../shared/notes/readEditorState';
import type { Db } from '../db/db';
import { writeTransaction } from '../db/writeTransaction';
import { writeNoteSearchText } from '../search/searchIndex';
import { hasNoteDoc, replaceNoteDocContent } from './noteDocs';
import { findRow, liveRow, storeNoteContent, toSummary } from './noteRows';
import { getNote } from './noteQueries';

export type { NoteRow } from './noteRows';
export { liveRow, storeNoteContent, toSummary } from './noteRows';
export { getNote, listNotePage, listNotes, NOTE_PAGE_SIZE } from './noteQueries';

/** One line, NFC, and never blank: the notes list needs something to show and announce. */
export function normalizeNoteTitle(title: string | undefined): string {
  return (title ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim() || DEFAULT_NOTE_TITLE;
}

export function createNote(db: Db, options: { title?: string } = {}): Note {
  const now = new Date().toISOString();
  const content = readEditorState(EMPTY_EDITOR_STATE);
  return writeTransaction(db, () => {
    const info = db
      .prepare('INSERT INTO notes (title, editor_state, plain_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(normalizeNoteTitle(options.title), EMPTY_EDITOR_STATE, content.plainText, now, now);
    writeNoteSearchText(db, Number(info.lastInsertRowid));
    return getNote(db, Number(info.lastInsertRowid));
  });
}

export function renameNote(db: Db, id: number, title: string): NoteSummary {
  return writeTransaction(db, () => {
    const row = liveRow(db, id);
    const next = normalizeNoteTitle(title);
    if (next !== row.title) {
      db.prepare('UPDATE notes SET title = ?, updated_at = ? WHERE id = ?').run(next, new Date().toISOString(), id);
      writeNoteSearchText(db, id);
    }
    return toSummary(liveRow(db, id));
  });
}

export function readForSave(id: number, editorState: string): NoteContent {
  try {
    return readEditorState(editorState);
  } catch (error) {
    if (error instanceof EditorStateError) throw new ApiError('invalid_request', `Note ${id} was not saved: ${error.message}`);
    throw error;
  }
}

/**
 * Stores the editor state and, in the same transaction, its plain text and citation rows. A state
 * the editor could not load again is refused before anything is written. Saving what is already
 * stored changes nothing (opening and leaving a note must not move it to the top of "last edited").
 * A note that is a Yjs document (opened in a window since issue 12) takes the state through its
 * document instead, so the windows editing it receive the change: see saveNoteContent in noteDocs.ts.
 */
export function saveNote(db: Db, id: number, change: { editorState: string; title?: string }): NoteSummary {
  return saveNoteContent(db, id, change).summary;
}

/** saveNote, also returning the Yjs update it made when the note is a Yjs document (for the windows on it). */
export function saveNoteContent(db: Db, id: number, change: { editorState: string; title?: string }): { summary: NoteSummary; update: Uint8Array | null } {
  const content = readForSave(id, change.editorState);
  return writeTransaction(db, () => {
    const row = liveRow(db, id);
    const title = change.title === undefined ? row.title : normalizeNoteTitle(change.title);
    if (hasNoteDoc(db, id)) {
      const update = replaceNoteDocContent(db, id, change.editorState);
      if (title !== row.title) {
        db.prepare('UPDATE notes SET title = ?, updated_at = ? WHERE id = ?').run(title, new Date().toISOString(), id);
        writeNoteSearchText(db, id);
      }
      return { summary: toSummary(liveRow(db, id)), update };
    }
    if (row.editor_state === change.editorState && row.title === title) return { summary: toSummary(row), update: null };
    storeNoteContent(db, id, title, change.editorState, content);
    return { summary: toSummary(liveRow(db, id)), update: null };
  });
}

/** How long a deleted note can still be restored. The UI offers undo for seconds; this is the margin. */
export const DELETED_NOTE_RETENTION_DAYS = 30;

/** Hides the note everywhere; restoreNote undoes it. Also purges notes deleted long ago. */
export function deleteNote(db: Db, id: number): NoteSummary {
  return writeTransaction(db, () => {
    const row = liveRow(db, id);
    const now = new Date();
    db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(now.toISOString(), id);
    writeNoteSearchText(db, id);
    purgeDeletedNotes(db, new Date(now.getTime() - DELETED_NOTE_RETENTION_DAYS * 86_400_000));
    return toSummary(row);
  });
}

export function restoreNote(db: Db, id: number): NoteSummary {
  return writeTransaction(db, () => {
    const row = findRow(db, id);
    if (!row) throw new ApiError('not_found', `Note ${id} cannot be restored: it was deleted more than ${DELETED_NOTE_RETENTION_DAYS} days ago, or never existed.`);
    if (row.deleted_at !== null) {
      db.prepare('UPDATE notes SET deleted_at = NULL WHERE id = ?').run(id);
      writeNoteSearchText(db, id);
    }
    return toSummary(row);
  });
}

/** Removes for good the notes deleted before `before` (their citations go with them). Returns how many. */
export function purgeDeletedNotes(db: Db, before: Date): number {
  return db.prepare('DELETE FROM notes WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before.toISOString()).changes;
}
