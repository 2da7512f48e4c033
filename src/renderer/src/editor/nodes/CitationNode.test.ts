import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { SerializedCitation } from '../../../../shared/domain/note';
import { NOTE_NODE_TYPES, walkEditorState } from '../../../../shared/notes/readEditorState';
import { citation, editorState, paragraph, snapshot, text } from '../../../../shared/notes/testStates';
import { $createCitationNode, $isCitationNode, CitationNode } from './CitationNode';
import { NOTE_NODES } from './noteNodes';

const newEditor = () =>
  createHeadlessEditor({
    namespace: 'test',
    nodes: NOTE_NODES,
    onError: (error) => {
      throw error;
    },
  });

/** JSON -> editor state -> JSON, through a fresh editor. */
function roundTrip(state: unknown): unknown {
  const editor = newEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return editor.getEditorState().toJSON();
}

describe('CitationNode', () => {
  it.each([
    ['a passage', citation(3, 17)],
    ['a whole source', citation(4, null, { quote: null })],
    ['a source with nothing but a title', citation(5, null, { quote: null, outlet: null, author: null, publishedAt: null, citekey: null })],
  ])('round-trips a citation of %s to exactly the shared JSON shape', (_case, json) => {
    const state = editorState(paragraph(text('Before '), json, text(' after')));
    const again = roundTrip(state) as typeof state;
    const node = ((again.root.children as Record<string, unknown>[])[0]!.children as unknown[])[1];
    expect(node).toEqual(json);
    expect(Object.keys(node as object)).toEqual(['type', 'version', 'sourceId', 'highlightId', 'snapshot']);
    expect(SerializedCitation.strict().parse(node)).toEqual(json);
  });

  it('is created by $createCitationNode and read back by its accessors', () => {
    const editor = newEditor();
    editor.update(
      () => {
        const chip = $createCitationNode({ sourceId: 2, highlightId: 9, snapshot: snapshot() });
        $getRoot().append($createParagraphNode().append($createTextNode('See '), chip));
        expect($isCitationNode(chip)).toBe(true);
        expect(chip.isInline()).toBe(true);
        expect(chip.getCitation()).toEqual({ sourceId: 2, highlightId: 9, snapshot: snapshot() });
      },
      { discrete: true },
    );
    editor.getEditorState().read(() => expect($getRoot().getTextContent()).toBe('See (AzerNews, 2023-01-11)'));
  });

  it.each([
    ['no snapshot title', { ...citation(1), snapshot: { ...snapshot(), title: undefined } }, /snapshot\.title/],
    ['a date that is not a date', { ...citation(1), snapshot: snapshot({ publishedAt: '2023-02-30' }) }, /publishedAt/],
    ['a fractional source id', { ...citation(1), sourceId: 1.5 }, /sourceId/],
    ['a highlight id of zero', { ...citation(1), highlightId: 0 }, /highlightId/],
  ])('refuses to load a citation with %s', (_case, json, message) => {
    const editor = newEditor();
    expect(() => editor.parseEditorState(JSON.stringify(editorState(paragraph(json))))).toThrow(message);
  });

  it('gives the same plain text as the shared reader core saves for search', () => {
    const state = editorState(paragraph(text('Peskov: '), citation(1, 2)), paragraph(citation(3, null, { outlet: null })));
    const editor = newEditor();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
    const lexicalText = editor.getEditorState().read(() => $getRoot().getTextContent());
    expect(lexicalText).toBe(walkEditorState(state).plainText);
  });

  it('is registered with every other node type the shared reader accepts, and only those', () => {
    const builtIn = ['root', 'paragraph', 'text', 'tab', 'linebreak'];
    expect(new Set([...builtIn, ...NOTE_NODES.map((klass) => klass.getType())])).toEqual(NOTE_NODE_TYPES);
    expect(CitationNode.getType()).toBe('citation');
  });
});
