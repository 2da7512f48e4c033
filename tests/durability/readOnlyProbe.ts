/**
 * A child of readOnlyLibrary.test.ts, run as a user who may not write the library: opens it as the
 * app does and prints, as JSON, what libraryInfo, a search and some writes answer through the contract.
 */
import { dispatch } from '../../src/core/dispatch';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import { editorStateJson, paragraph, text } from '../../src/shared/notes/testStates';

const library = Library.open(process.argv[2]!);
const handlers = createHandlers(library, { searchInWorker: true });
const call = (operation: string, payload: unknown) => dispatch(handlers, operation, payload);
const out = {
  info: await call('libraryInfo', {}),
  search: await call('search', { query: 'corridor' }),
  notes: await call('listNotes', {}),
  // A window opening the note (its first open builds its Yjs document, which a read-only library cannot store).
  noteDoc: await call('openNoteDoc', { id: 1 }),
  writes: {
    createNote: await call('createNote', { title: 'Refused' }),
    applyNoteUpdate: await call('applyNoteUpdate', { id: 1, update: Buffer.from([0, 0]).toString('base64'), clientId: 'window-1' }),
    saveNote: await call('saveNote', { id: 1, editorState: editorStateJson(paragraph(text('Changed'))) }),
    createHighlight: await call('createHighlight', { sourceId: 1, start: 0, end: 6, color: 'blue', tags: [] }),
    updateSource: await call('updateSource', { id: 1, patch: { outlet: 'Changed' } }),
    deleteSource: await call('deleteSource', { id: 1 }),
    importFiles: await call('importFiles', { files: [{ name: 'new.txt', contentBase64: Buffer.from('A new article about the corridor.').toString('base64') }] }),
  },
};
console.log(JSON.stringify(out));
await handlers.close();
library.close();
