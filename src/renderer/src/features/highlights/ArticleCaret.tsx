import type { RefObject } from 'react';
import { useEffect, useState } from 'react';
import { articleParagraphs } from './articleDom';
import { scrollParent } from './revealRange';

/**
 * Caret browsing in the article (issue 16, item 3: a keyboard user could not select words to
 * highlight). The article is a tab stop; focusing it puts a caret at the first paragraph in view,
 * arrows move it (Ctrl+arrows by word, Home and End to the line's ends) and Shift extends the
 * selection, through Selection.modify, which works on text that is not editable. Then H highlights
 * and Tab reaches the selection toolbar. The browser draws no caret in text that is not editable,
 * so this draws one.
 */
type Direction = 'forward' | 'backward' | 'left' | 'right';
// Left and right are visual (Selection.modify's 'left'/'right'), so in an Urdu or Hebrew paragraph
// ArrowLeft moves on through the text as it reads, not back.
const MOVES: Record<string, { direction: Direction; granularity: 'character' | 'line' | 'lineboundary' }> = {
  ArrowLeft: { direction: 'left', granularity: 'character' },
  ArrowRight: { direction: 'right', granularity: 'character' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
  End: { direction: 'forward', granularity: 'lineboundary' },
};

const OPPOSITE: Record<Direction, Direction> = { forward: 'backward', backward: 'forward', left: 'right', right: 'left' };

interface CaretBox {
  top: number;
  left: number;
  height: number;
}

function caretBox(article: HTMLElement): CaretBox | null {
  const selection = document.getSelection();
  if (document.activeElement !== article || !selection?.focusNode || !article.contains(selection.focusNode)) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const box = rect.height > 0 ? rect : (selection.focusNode.parentElement ?? article).getBoundingClientRect();
  return { top: box.top, left: rect.height > 0 ? rect.left : box.left, height: rect.height > 0 ? rect.height : 20 };
}

/** Keeps the caret's line inside the reader's view as it moves. */
function followCaret(article: HTMLElement, box: CaretBox): void {
  const scroller = scrollParent(article);
  const bounds = scroller === document.scrollingElement ? new DOMRect(0, 0, window.innerWidth, window.innerHeight) : scroller.getBoundingClientRect();
  const margin = 24;
  if (box.top < bounds.top + margin) scroller.scrollTop -= bounds.top + margin - box.top;
  else if (box.top + box.height > bounds.bottom - margin) scroller.scrollTop += box.top + box.height - (bounds.bottom - margin);
}

export function ArticleCaret({ articleRef }: { articleRef: RefObject<HTMLElement | null> }) {
  const [caret, setCaret] = useState<CaretBox | null>(null);

  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const place = () => setCaret(caretBox(article));
    // With no caret in the article (just focused, or the selection was highlighted or dropped):
    // one at the start of the first paragraph in view.
    const ensureCaret = () => {
      const selection = document.getSelection();
      if (!selection || (selection.focusNode && article.contains(selection.focusNode))) return;
      const top = scrollParent(article).getBoundingClientRect().top;
      const first = articleParagraphs(article).find((paragraph) => paragraph.getBoundingClientRect().bottom > Math.max(top, 0));
      if (first?.firstChild) selection.collapse(first.firstChild, 0);
    };
    const onFocus = () => {
      ensureCaret();
      place();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const move = MOVES[event.key];
      if (!move || event.altKey || event.metaKey || event.target !== article) return;
      ensureCaret();
      const selection = document.getSelection();
      if (!selection?.focusNode) return;
      event.preventDefault();
      const granularity = move.granularity === 'character' && event.ctrlKey ? 'word' : move.granularity;
      const alter = event.shiftKey ? 'extend' : 'move';
      selection.modify(alter, move.direction, granularity);
      // Never out of the article (past its last word into the next region).
      if (!selection.focusNode || !article.contains(selection.focusNode)) selection.modify(alter, OPPOSITE[move.direction], granularity);
      const box = caretBox(article);
      if (box) followCaret(article, box);
      place();
    };
    const onBlur = () => setCaret(null);
    article.addEventListener('focus', onFocus);
    article.addEventListener('blur', onBlur);
    article.addEventListener('keydown', onKeyDown);
    document.addEventListener('selectionchange', place);
    window.addEventListener('scroll', place, true);
    return () => {
      article.removeEventListener('focus', onFocus);
      article.removeEventListener('blur', onBlur);
      article.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('selectionchange', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [articleRef]);

  return caret ? <span className="article-caret" aria-hidden="true" style={{ top: caret.top, left: caret.left, height: caret.height }} /> : null;
}
