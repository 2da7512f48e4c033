import type { RefObject } from 'react';
import { useEffect, useLayoutEffect } from 'react';

/**
 * Where each article was being read, while the app runs (issue 16: coming back started at the top).
 * Kept as the paragraph at the top of the view and how far into it, so a wider or narrower column
 * (the notes pane opened, the window resized) still comes back to the same words; the raw offset
 * is the fallback when the text has changed since (a correction) or the view was above the text.
 */
interface ReadingPosition {
  /** `data-start` of the topmost paragraph in view, or null while the title and details are at the top. */
  paragraphStart: number | null;
  /** Pixels of that paragraph above the top of the view. */
  intoParagraph: number;
  scrollTop: number;
}

const positions = new Map<number, ReadingPosition>();

/** The first paragraph whose bottom is below the top of the view (paragraphs are in order: binary search). */
function topParagraph(paragraphs: HTMLCollection, viewTop: number): HTMLElement | null {
  let low = 0;
  let high = paragraphs.length - 1;
  let found: HTMLElement | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const paragraph = paragraphs[middle] as HTMLElement;
    if (paragraph.getBoundingClientRect().bottom > viewTop) {
      found = paragraph;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

function measure(scroller: HTMLElement, article: HTMLElement): ReadingPosition {
  const viewTop = scroller.getBoundingClientRect().top;
  const paragraph = topParagraph(article.children, viewTop);
  const top = paragraph?.getBoundingClientRect().top;
  if (!paragraph || top === undefined || top > viewTop) return { paragraphStart: null, intoParagraph: 0, scrollTop: scroller.scrollTop };
  return { paragraphStart: Number(paragraph.dataset.start), intoParagraph: viewTop - top, scrollTop: scroller.scrollTop };
}

function restore(scroller: HTMLElement, article: HTMLElement, position: ReadingPosition): void {
  const paragraph = position.paragraphStart === null ? null : article.querySelector<HTMLElement>(`:scope > p[data-start="${position.paragraphStart}"]`);
  if (!paragraph) {
    scroller.scrollTop = position.scrollTop;
    return;
  }
  scroller.scrollTop += paragraph.getBoundingClientRect().top - scroller.getBoundingClientRect().top + position.intoParagraph;
}

/**
 * Brings the reader of `sourceId` back to where it was left, before anything else scrolls it (a
 * citation's or a search result's passage, shown afterwards, still wins), and keeps note of where
 * it is as it scrolls. `sourceId` is null until the source (and so the text) is on screen.
 */
export function useReadingPosition(scrollerRef: RefObject<HTMLElement | null>, articleSelector: string, sourceId: number | null): void {
  // Before paint, so the article never shows its top first.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const article = scroller?.querySelector<HTMLElement>(articleSelector);
    const position = sourceId === null ? undefined : positions.get(sourceId);
    if (scroller && article && position) restore(scroller, article, position);
  }, [scrollerRef, articleSelector, sourceId]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const article = scroller?.querySelector<HTMLElement>(articleSelector);
    if (sourceId === null || !scroller || !article) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        positions.set(sourceId, measure(scroller, article));
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scrollerRef, articleSelector, sourceId]);
}
