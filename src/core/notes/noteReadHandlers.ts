import type { NoteHandlers } from '../../shared/api/notes';
import type { Db } from '../db/db';
import { checkCitationTargets, listBacklinks } from './backlinks';
import { getNote, listNotePage, listNotes } from './noteQueries';

/**
 * The note operations that only read rows: a window asks for them as it opens (the notes list,
 * "Cited in"), and they need neither Yjs nor Lexical, so createHandlers gives them at once while
 * the rest of the note handlers load on their first call (handlers.ts).
 */
export function createNoteReadHandlers(db: Db): Pick<NoteHandlers, 'listNotes' | 'listNotePage' | 'getNote' | 'listBacklinks' | 'checkCitationTargets'> {
  return {
    listNotes: () => listNotes(db),
    listNotePage: (request) => listNotePage(db, request),
    getNote: ({ id }) => getNote(db, id),
    listBacklinks: (target) => listBacklinks(db, target),
    checkCitationTargets: ({ sourceIds, highlightIds }) => checkCitationTargets(db, sourceIds, highlightIds),
  };
}
