import { createHeadlessEditor } from '@lexical/headless';
import type { Provider } from '@lexical/yjs';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyNoteUpdate, openNoteDoc } from '../../src/core/notes/noteDocs';
import { createNote } from '../../src/core/notes/notes';
import { $createCitationNode } from '../../src/renderer/src/editor/nodes/CitationNode';
import { NOTE_NODES } from '../../src/renderer/src/editor/nodes/noteNodes';
import { citation } from '../../src/shared/notes/testStates';
import { addSource, openTestLibrary, type TestLibrary } from '../support/library';

/**
 * Issue 12: a citation inserted in a window's editor (the app's own CitationNode, bound with
 * @lexical/yjs as the CollaborationPlugin binds it) reaches the library as a Yjs update, and core
 * derives the note's citation row and plain text from it.
 */
let library: TestLibrary;
beforeEach(() => (library = openTestLibrary()));
afterEach(() => library.cleanup());

const provider = { awareness: { getLocalState: () => null, getStates: () => new Map(), on: () => undefined, off: () => undefined, setLocalState: () => undefined, setLocalStateField: () => undefined }, connect: () => undefined, disconnect: () => undefined, on: () => undefined, off: () => undefined } as unknown as Provider;

it('derives the citation row of a citation typed in a window', () => {
  const { db } = library;
  const source = addSource(db, { title: 'The sending of UN peacekeepers', outlet: 'AzerNews', publishedAt: '2023-01-11' });
  const note = createNote(db, { title: 'Cited' });
  const editor = createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
  const doc = new Y.Doc();
  const binding = createBinding(editor, provider, 'note', doc, new Map([['note', doc]]));
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags),
  );
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false, () => undefined);
  });
  Y.applyUpdate(doc, openNoteDoc(db, note.id).update, 'library');
  // The document's content is committed to the editor before anyone edits (as EditableNote does).
  editor.update(() => undefined, { discrete: true });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'library' && updates.push(update));
  const payload = citation(source, 12);
  editor.update(
    () => {
      $getRoot().clear().append($createParagraphNode().append($createTextNode('Baku says '), $createCitationNode(payload)));
    },
    { discrete: true },
  );
  applyNoteUpdate(db, note.id, Y.mergeUpdates(updates), 'window');
  expect(db.prepare('SELECT source_id, highlight_id FROM citations WHERE note_id = ?').all(note.id)).toEqual([{ source_id: source, highlight_id: 12 }]);
  expect((db.prepare('SELECT plain_text FROM notes WHERE id = ?').get(note.id) as { plain_text: string }).plain_text).toBe('Baku says (AzerNews, 2023-01-11)');
});
