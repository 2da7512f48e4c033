import type { LibraryEvent } from '../../shared/api/contract';
import type { NoteHandlers } from '../../shared/api/notes';
import type { Db } from '../db/db';
import { applyNoteUpdate, openNoteDoc } from './noteDocs';
import { createNoteReadHandlers } from './noteReadHandlers';
import { createNote, deleteNote, renameNote, restoreNote, saveNoteContent } from './notes';

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * The note operations' handlers, for createHandlers to spread in (see src/core/handlers.ts).
 * `emit` relays a note's Yjs updates to every window (issue 12), once they are committed.
 */
export function createNoteHandlers(db: Db, emit: (event: LibraryEvent) => void = () => undefined): NoteHandlers {
  return {
    ...createNoteReadHandlers(db),
    createNote: ({ title }) => createNote(db, { title }),
    renameNote: ({ id, title }) => renameNote(db, id, title),
    saveNote: ({ id, editorState, title }) => {
      const { summary, update } = saveNoteContent(db, id, { editorState, title });
      if (update) emit({ type: 'noteUpdate', noteId: id, update: toBase64(update), origin: 'library' });
      return summary;
    },
    openNoteDoc: ({ id, stateVector }) => {
      const state = openNoteDoc(db, id, stateVector === undefined ? undefined : fromBase64(stateVector));
      return { update: toBase64(state.update), stateVector: toBase64(state.stateVector) };
    },
    applyNoteUpdate: ({ id, update, clientId }) => {
      const summary = applyNoteUpdate(db, id, fromBase64(update), clientId);
      emit({ type: 'noteUpdate', noteId: id, update, origin: clientId });
      // The sources the note cites now: the change this update declares for "Cited in" views.
      const citedSourceIds = db.prepare('SELECT DISTINCT source_id FROM citations WHERE note_id = ? AND source_id IS NOT NULL').pluck().all(id) as number[];
      return { ...summary, citedSourceIds };
    },
    deleteNote: ({ id }) => deleteNote(db, id),
    restoreNote: ({ id }) => restoreNote(db, id),
  };
}
