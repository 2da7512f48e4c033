import { useEffect, useRef, useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { locateMatch } from '../../../../shared/search/locateMatch';
import { scrollRangeIntoView } from '../highlights/revealRange';
import { takeSearchReveal, useSearchRevealRequest } from './searchReveal';

/** The CSS Custom Highlight that marks the matched word (styled in search.css). */
export const SEARCH_MATCH_LAYER = 'marginalia-search-match';

/** The DOM range of body[start, end) in the reader's paragraphs (`p[data-start]`, one text node each). */
function domRange(article: Element, start: number, end: number): Range | null {
  const paragraphs = Array.from(article.querySelectorAll<HTMLElement>('p[data-start]'));
  const paragraph = paragraphs.findLast((element) => Number(element.dataset.start) <= start);
  const text = paragraph?.firstChild;
  if (!paragraph || !(text instanceof Text)) return null;
  const from = start - Number(paragraph.dataset.start);
  if (from >= text.length) return null;
  const range = document.createRange();
  range.setStart(text, from);
  range.setEnd(text, Math.min(text.length, from + (end - start)));
  return range;
}

/**
 * Mounted in the reader: after a source result of a search opened this source, scrolls to the
 * first matched word and marks it, until another search result or another source is shown.
 */
export function SearchMatchReveal({ source }: { source: Source }) {
  const request = useSearchRevealRequest(source.id);
  const marker = useRef<HTMLSpanElement>(null);
  const [match, setMatch] = useState<{ start: number; end: number; serial: number; body: string } | null>(null);

  useEffect(() => {
    if (!request) return;
    takeSearchReveal(request);
    const place = locateMatch(source.body, request.segments);
    setMatch(place ? { ...place, serial: request.serial, body: source.body } : null);
  }, [request, source.body]);

  useEffect(() => {
    const article = marker.current?.closest('.reader-column')?.querySelector('article.reader-body');
    // Offsets into a body that has since been corrected would mark other words.
    const range = match && article && match.body === source.body ? domRange(article, match.start, match.end) : null;
    if (!range || !article) return;
    scrollRangeIntoView(article as HTMLElement, range);
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.set(SEARCH_MATCH_LAYER, new Highlight(range));
    return () => void CSS.highlights.delete(SEARCH_MATCH_LAYER);
  }, [match, source.body]);

  return <span ref={marker} hidden />;
}
