import { ApiError, notFound } from '../../shared/api/errors';
import type { Db } from '../db/db';

/**
 * The notes export reads: live notes only (a deleted note is hidden everywhere until purged).
 * Read here with two small queries rather than through the notes module's getNote, which also
 * counts citations: export needs only the title and the saved state.
 */
export interface ExportableNote {
  id: number;
  title: string;
  editorState: string;
}

function requireNotesTable(db: Db): void {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'notes'").get()) {
    throw new ApiError('not_found', 'This library has no notes yet. Write a note first, then export it.');
  }
}

export function getExportableNote(db: Db, id: number): ExportableNote {
  requireNotesTable(db);
  const row = db.prepare('SELECT id, title, editor_state AS editorState, deleted_at AS deletedAt FROM notes WHERE id = ?').get(id) as
    | (ExportableNote & { deletedAt: string | null })
    | undefined;
  if (!row) throw notFound(`Note ${id}`);
  if (row.deletedAt !== null) throw new ApiError('not_found', `Note ${id} ("${row.title}") was deleted. Restore it to export it.`);
  return { id: row.id, title: row.title, editorState: row.editorState };
}

/** Every live note, oldest first, so an export folder's duplicate names are numbered the same way each time. */
export function listExportableNotes(db: Db): ExportableNote[] {
  requireNotesTable(db);
  return db.prepare('SELECT id, title, editor_state AS editorState FROM notes WHERE deleted_at IS NULL ORDER BY id').all() as ExportableNote[];
}
