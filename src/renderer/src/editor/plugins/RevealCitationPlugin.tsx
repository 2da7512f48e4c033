import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator } from '@lexical/utils';
import { useEffect } from 'react';
import { $isCitationNode } from '../nodes/CitationNode';

/** How long a revealed citation stays marked: long enough to find it, short enough not to linger. */
const FLASH_MS = 2000;

/**
 * Opens the note "at the citation": scrolls the citation with this ordinal (its place among the
 * note's citations, in document order, as core numbers them) into view, puts the caret after it
 * and flashes it. `request` changes identity for each request, so the same citation can be shown twice.
 */
export function RevealCitationPlugin({ request }: { request: { ordinal: number } | null }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!request) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let key: string | null = null;
    editor.update(
      () => {
        let seen = 0;
        for (const { node } of $dfsIterator()) {
          if ($isCitationNode(node) && seen++ === request.ordinal) {
            node.selectNext();
            key = node.getKey();
            return;
          }
        }
      },
      {
        // Runs once the update is on screen, when the chip's element exists and can scroll.
        onUpdate: () => {
          const element = key === null ? null : editor.getElementByKey(key);
          if (!element) return;
          element.scrollIntoView({ block: 'center' });
          element.classList.add('is-revealed');
          timer = setTimeout(() => element.classList.remove('is-revealed'), FLASH_MS);
        },
      },
    );
    editor.focus();
    return () => clearTimeout(timer);
  }, [editor, request]);
  return null;
}
