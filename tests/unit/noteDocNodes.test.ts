import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isElementNode, type Klass, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { HeadlessCitationNode } from '../../src/core/notes/yjs/HeadlessCitationNode';
import { HEADLESS_NOTE_NODES } from '../../src/core/notes/yjs/headlessNoteNodes';
import { $createCitationNode } from '../../src/renderer/src/editor/nodes/CitationNode';
import { NOTE_NODES } from '../../src/renderer/src/editor/nodes/noteNodes';
import { citation } from '../../src/shared/notes/testStates';

/**
 * Issue 12: core derives a note's saved state from its Yjs document with its own headless node
 * classes. @lexical/yjs copies a node's `__` properties into the document, so the window's classes
 * and core's must have the same types and the same properties, or a citation typed in a window
 * would be lost (or changed) on its way to the library.
 */
const typesOf = (nodes: readonly Klass<LexicalNode>[]) => nodes.map((node) => node.getType()).sort();

describe('the headless note nodes', () => {
  it('are the editor’s node types', () => {
    expect(typesOf(HEADLESS_NOTE_NODES)).toEqual(typesOf(NOTE_NODES));
  });

  it('have a citation with the same properties and JSON as the editor’s', () => {
    const payload = citation(3, 9);
    const editor = createHeadlessEditor({ nodes: [...NOTE_NODES], onError: (error) => { throw error; } });
    let rendererJson: unknown;
    let rendererKeys: string[] = [];
    let rendererText = '';
    editor.update(
      () => {
        const node = $createCitationNode(payload);
        const paragraph = $getRoot().getFirstChild();
        if ($isElementNode(paragraph)) paragraph.append(node);
        rendererJson = node.exportJSON();
        rendererKeys = Object.keys(node).filter((key) => key.startsWith('__')).sort();
        rendererText = node.getTextContent();
      },
      { discrete: true },
    );
    const headless = createHeadlessEditor({ nodes: [...HEADLESS_NOTE_NODES], onError: (error) => { throw error; } });
    headless.update(
      () => {
        const node = HeadlessCitationNode.importJSON(rendererJson as never);
        expect(Object.keys(node).filter((key) => key.startsWith('__')).sort()).toEqual(rendererKeys);
        expect(node.exportJSON()).toEqual(rendererJson);
        expect(node.getTextContent()).toBe(rendererText);
      },
      { discrete: true },
    );
  });
});
