import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { citation } from '../../../../shared/notes/testStates';
import { walkEditorState } from '../../../../shared/notes/readEditorState';
import { NOTE_NODES } from '../nodes/noteNodes';
import type { InsertCitationPayload } from './CitationPlugin';
import { $insertCitation } from './CitationPlugin';

type Json = { type: string; text?: string; children?: Json[] };

/** A note holding `text` with the caret at its end, after inserting the citation. */
function insertAfter(text: string, payload: InsertCitationPayload): Json[] {
  const editor = createHeadlessEditor({ namespace: 'test', nodes: NOTE_NODES, onError: (error) => { throw error; } });
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      if (text) paragraph.append($createTextNode(text));
      $getRoot().append(paragraph);
      paragraph.selectEnd();
      $insertCitation(payload);
    },
    { discrete: true },
  );
  const state = editor.getEditorState().toJSON() as unknown as { root: Json };
  // Whatever was inserted is a note core accepts.
  expect(() => walkEditorState(state)).not.toThrow();
  return state.root.children!;
}

describe('$insertCitation', () => {
  it('cites at the caret, with a space after a word', () => {
    const [paragraph] = insertAfter('Peskov said', { citation: citation(2, 5), mode: 'cite' });
    expect(paragraph!.children!.map((node) => node.text ?? node.type)).toEqual(['Peskov said ', 'citation']);
  });

  it('adds no second space', () => {
    const [paragraph] = insertAfter('Peskov said ', { citation: citation(2, 5), mode: 'cite' });
    expect(paragraph!.children!.map((node) => node.text ?? node.type)).toEqual(['Peskov said ', 'citation']);
  });

  it('quotes the passage as a block quote ending with its citation, on the empty line it was asked on', () => {
    const blocks = insertAfter('', { citation: citation(2, 5, { quote: 'Peacekeepers stay.' }), mode: 'quote' });
    expect(blocks.map((block) => block.type)).toEqual(['quote', 'paragraph']);
    expect(blocks[0]!.children!.map((node) => node.text ?? node.type)).toEqual(['Peacekeepers stay. ', 'citation']);
  });

  it('quotes after the current paragraph when it has text', () => {
    const blocks = insertAfter('My point.', { citation: citation(2, 5, { quote: 'Peacekeepers stay.' }), mode: 'quote' });
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'quote', 'paragraph']);
  });

  it('cites a whole source with "quote" as a chip, there being no passage to quote', () => {
    const [paragraph] = insertAfter('See', { citation: citation(2, null, { quote: null }), mode: 'quote' });
    expect(paragraph!.children!.map((node) => node.text ?? node.type)).toEqual(['See ', 'citation']);
  });
});
