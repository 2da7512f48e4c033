import type { NoteHandlers } from '../../shared/api/notes';
import type { Db } from '../db/openDatabase';
import { checkCitationTargets, listBacklinks } from './backlinks';
import { createNote, deleteNote, getNote, listNotes, renameNote, restoreNote, saveNote } from './notes';

/** The note operations' handlers, for createHandlers to spread in (see src/core/handlers.ts). */
export function createNoteHandlers(db: Db): NoteHandlers {
  return {
    listNotes: () => listNotes(db),
    getNote: ({ id }) => getNote(db, id),
    createNote: ({ title }) => createNote(db, { title }),
    renameNote: ({ id, title }) => renameNote(db, id, title),
    saveNote: ({ id, editorState, title }) => saveNote(db, id, { editorState, title }),
    deleteNote: ({ id }) => deleteNote(db, id),
    restoreNote: ({ id }) => restoreNote(db, id),
    listBacklinks: (target) => listBacklinks(db, target),
    checkCitationTargets: ({ sourceIds, highlightIds }) => checkCitationTargets(db, sourceIds, highlightIds),
  };
}
