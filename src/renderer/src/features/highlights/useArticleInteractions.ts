import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { hasModOnly } from '../../components/modifierKey';
import { isModalOpen } from '../../components/modalLayer';
import { highlightsAt } from './articleOffsets';
import { characterOffsetAt } from './articleDom';
import { currentArticleSelection } from './articleSelection';
import { selectHighlight } from './highlightFocus';

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/**
 * The article's keyboard and pointer behaviour:
 * - Ctrl/Cmd+Shift+H, or plain H outside a text field, highlights the selected words;
 * - Escape with words selected drops the selection (before the window's Escape goes back to the
 *   library, which would lose the reader for a user who only meant to deselect);
 * - a click on highlighted text (not the end of a drag) selects that highlight's panel item.
 */
export function useArticleInteractions(articleRef: RefObject<HTMLElement | null>, sourceId: number, highlights: readonly Highlight[] | undefined, onHighlight: () => void): void {
  const latest = useRef({ highlights, onHighlight });
  latest.current = { highlights, onHighlight };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen() || !currentArticleSelection(sourceId)) return;
      const key = event.key.toLowerCase();
      const chord = key === 'h' && event.shiftKey && hasModOnly(event);
      const plain = key === 'h' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !isTextEntry(event.target);
      if (chord || plain) {
        event.preventDefault();
        latest.current.onHighlight();
      } else if (event.key === 'Escape' && !isTextEntry(event.target)) {
        event.preventDefault();
        document.getSelection()?.removeAllRanges();
      }
    };
    // Capture: runs before the window's bubbling shortcut handler (useShortcuts).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [sourceId]);

  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || !document.getSelection()?.isCollapsed) return;
      const offset = characterOffsetAt(article, event.clientX, event.clientY);
      const placed = (latest.current.highlights ?? []).filter((highlight) => !highlight.orphaned);
      const hit = offset === null ? undefined : highlightsAt(placed, offset)[0];
      selectHighlight(sourceId, hit?.id ?? null);
    };
    article.addEventListener('click', onClick);
    return () => article.removeEventListener('click', onClick);
  }, [articleRef, sourceId]);
}
