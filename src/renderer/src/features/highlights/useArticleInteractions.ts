import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { isMac } from '../../components/modifierKey';
import { isModalOpen } from '../../components/modalLayer';
import { matchesChord, SHORTCUTS } from '../../hooks/shortcutList';
import { isTextEntry } from '../../hooks/useShortcuts';
import { highlightsAt } from './articleOffsets';
import { characterOffsetAt } from './articleDom';
import { currentArticleSelection, flushArticleSelection } from './articleSelection';
import { selectHighlight } from './highlightFocus';

/**
 * The article's keyboard and pointer behaviour:
 * - Ctrl/Cmd+Shift+H, or plain H outside a text field, highlights the selected words;
 * - Escape with words selected drops the selection (Escape closes what is open, never the reader);
 * - a click on highlighted text (not the end of a drag) selects that highlight's panel item.
 */
export function useArticleInteractions(articleRef: RefObject<HTMLElement | null>, sourceId: number, highlights: readonly Highlight[] | undefined, onHighlight: () => void): void {
  const latest = useRef({ highlights, onHighlight });
  latest.current = { highlights, onHighlight };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return;
      flushArticleSelection();
      if (!currentArticleSelection(sourceId)) return;
      // The plain key (H) is typing in a text field; the chord (Ctrl/Cmd+Shift+H) acts from anywhere.
      const [plain, chord] = SHORTCUTS.highlight.chords;
      if (matchesChord(chord, event, isMac) || (matchesChord(plain, event, isMac) && !isTextEntry(event.target))) {
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
