import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNote, getNote, listNotes, saveNote } from '../../src/core/notes/notes';
import { citation } from '../../src/shared/notes/testStates';
import { $createCitationNode } from '../../src/renderer/src/editor/nodes/CitationNode';
import { NOTE_NODES } from '../../src/renderer/src/editor/nodes/noteNodes';
import { addSource, openTestLibrary, type TestLibrary } from '../support/library';

/**
 * Issue 4: a note with every rich-text feature and citations goes through save and load unchanged.
 * The editor side runs headless (the registry the app uses), the library side is core on a real file.
 */
const newEditor = () =>
  createHeadlessEditor({
    namespace: 'round-trip',
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error;
    },
  });

const formatted = (value: string, ...formats: ('bold' | 'italic' | 'underline' | 'strikethrough' | 'code')[]) => {
  const node = $createTextNode(value);
  for (const format of formats) node.toggleFormat(format);
  return node;
};

let library: TestLibrary;
beforeEach(() => (library = openTestLibrary()));
afterEach(() => library.cleanup());

describe('a note with every feature', () => {
  it('saves and loads unchanged, with its citation rows and plain text', () => {
    const { db } = library;
    const azernews = addSource(db, { title: 'The sending of UN peacekeepers', outlet: 'AzerNews', publishedAt: '2023-01-11' });
    const armenpress = addSource(db, { title: 'Lachin corridor', outlet: 'Armenpress', publishedAt: '2022-12-20' });
    const editor = newEditor();
    editor.update(
      () => {
        const bullets = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('first')),
          $createListItemNode().append($createListNode('number').append($createListItemNode().append($createTextNode('nested')))),
        );
        $getRoot().append(
          $createHeadingNode('h1').append($createTextNode('Two accounts of one road')),
          $createHeadingNode('h2').append($createTextNode('Baku')),
          $createParagraphNode().append(
            formatted('bold', 'bold'),
            formatted(' italic', 'italic'),
            formatted(' underlined', 'underline'),
            formatted(' struck', 'strikethrough'),
            formatted(' code', 'code'),
            formatted(' all', 'bold', 'italic', 'underline', 'strikethrough'),
            $createLineBreakNode(),
            $createLinkNode('https://www.azernews.az/').append($createTextNode('AzerNews')),
            $createTextNode(' and '),
            $createLinkNode('marginalia://source/1').append($createTextNode('the source')),
          ),
          $createQuoteNode().append($createTextNode('Russian peacekeepers remain. '), $createCitationNode(citation(azernews, 12))),
          bullets,
          $createParagraphNode().append($createTextNode('Yerevan: '), $createCitationNode(citation(armenpress, null, { quote: null, outlet: 'Armenpress', author: null }))),
        );
      },
      { discrete: true },
    );
    const json = JSON.stringify(editor.getEditorState().toJSON());

    const note = createNote(db, { title: 'Every feature' });
    saveNote(db, note.id, { editorState: json });
    const loaded = getNote(db, note.id);
    expect(loaded.editorState).toBe(json);
    expect(listNotes(db)[0]).toMatchObject({ title: 'Every feature', citationCount: 2 });

    const reloaded = newEditor();
    reloaded.setEditorState(reloaded.parseEditorState(loaded.editorState));
    expect(reloaded.getEditorState().toJSON()).toEqual(JSON.parse(json));
    const plain = (db.prepare('SELECT plain_text FROM notes WHERE id = ?').get(note.id) as { plain_text: string }).plain_text;
    expect(plain).toBe(reloaded.getEditorState().read(() => $getRoot().getTextContent()));
    expect(plain).toContain('Russian peacekeepers remain. (AzerNews, 2023-01-11)');
    expect(db.prepare('SELECT ordinal, source_id, highlight_id FROM citations WHERE note_id = ? ORDER BY ordinal').all(note.id)).toEqual([
      { ordinal: 0, source_id: azernews, highlight_id: 12 },
      { ordinal: 1, source_id: armenpress, highlight_id: null },
    ]);
  });
});
