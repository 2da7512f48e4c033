/**
 * The DOM side of the reader's offsets: from selection and caret points to paragraph points
 * (articleOffsets.ts does the arithmetic), and from highlight offsets to DOM ranges over the
 * article's text nodes. The article is ReaderArticle's: one <p data-start> per paragraph.
 */
import type { ParagraphExtent, ParagraphPoint, TextRange } from './articleOffsets';
import { bodyOffset, rangeBetween } from './articleOffsets';
import type { TextSegment } from './rangeBoundaries';
import { locateRanges } from './rangeBoundaries';

export const PARAGRAPH_SELECTOR = 'p[data-start]';

export function articleParagraphs(article: HTMLElement): HTMLElement[] {
  return Array.from(article.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR));
}

export function paragraphExtents(paragraphs: readonly HTMLElement[]): ParagraphExtent[] {
  return paragraphs.map((paragraph) => ({ start: Number(paragraph.dataset.start), length: paragraph.textContent.length }));
}

/**
 * The article point of a DOM boundary point. Inside a paragraph it counts code units of text
 * before the point (Range.toString is exactly the text nodes' data); anywhere else (between
 * paragraphs, in the header above, below the article) it snaps to the nearest paragraph edge.
 */
export function paragraphPointOf(paragraphs: readonly HTMLElement[], node: Node, offset: number): ParagraphPoint | null {
  if (paragraphs.length === 0) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>(PARAGRAPH_SELECTOR);
  const index = paragraph ? paragraphs.indexOf(paragraph) : -1;
  const probe = document.createRange();
  if (index >= 0) {
    probe.setStart(paragraphs[index]!, 0);
    probe.setEnd(node, offset);
    return { paragraph: index, offset: probe.toString().length };
  }
  probe.setStart(node, offset);
  // The first paragraph that starts at or after the point (binary search in document order).
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (probe.comparePoint(paragraphs[middle]!, 0) >= 0) high = middle;
    else low = middle + 1;
  }
  if (low < paragraphs.length) return { paragraph: low, offset: 0 };
  const last = paragraphs.length - 1;
  return { paragraph: last, offset: paragraphs[last]!.textContent.length };
}

/** The document selection as a body range trimmed to words, when it touches the article. */
export function selectedBodyRange(article: HTMLElement, body: string): TextRange | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  const paragraphs = articleParagraphs(article);
  const start = paragraphPointOf(paragraphs, range.startContainer, range.startOffset);
  const end = paragraphPointOf(paragraphs, range.endContainer, range.endOffset);
  return start && end ? rangeBetween(body, paragraphExtents(paragraphs), start, end) : null;
}

/** The DOM caret under a point (Chromium has both; caretPositionFromPoint is the standard). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = typeof document.caretRangeFromPoint === 'function' ? document.caretRangeFromPoint(x, y) : null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const contains = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * The body offset of the character under a point, or null off the text. The caret sits between
 * characters (after a character when the click is on its right half), so the character on either
 * side is checked against the point.
 */
export function characterOffsetAt(article: HTMLElement, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !(caret.node instanceof Text) || !article.contains(caret.node)) return null;
  const text = caret.node;
  const probe = document.createRange();
  for (const start of [caret.offset, caret.offset - 1]) {
    if (start < 0 || start >= text.length) continue;
    probe.setStart(text, start);
    probe.setEnd(text, start + 1);
    if (Array.from(probe.getClientRects()).some((rect) => contains(rect, x, y))) {
      const paragraphs = articleParagraphs(article);
      const point = paragraphPointOf(paragraphs, text, start);
      return point ? bodyOffset(paragraphExtents(paragraphs), point) : null;
    }
  }
  return null;
}

/** The article's text nodes with their body offsets, in document order: one walk. */
export function textSegments(article: HTMLElement): { nodes: Text[]; segments: TextSegment[] } {
  const nodes: Text[] = [];
  const segments: TextSegment[] = [];
  for (const paragraph of articleParagraphs(article)) {
    let start = Number(paragraph.dataset.start);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      nodes.push(node);
      segments.push({ start, length: node.length });
      start += node.length;
    }
  }
  return { nodes, segments };
}

/**
 * Static ranges over the article's text for body ranges (null where a range covers no text).
 * StaticRange, not Range: the browser does not have to keep it updated on every DOM change,
 * and the reader repaints whenever the text changes anyway.
 */
export function rangesFor(article: HTMLElement, ranges: readonly TextRange[]): (StaticRange | null)[] {
  const { nodes, segments } = textSegments(article);
  return locateRanges(segments, ranges).map((span) =>
    span
      ? new StaticRange({ startContainer: nodes[span.start.segment]!, startOffset: span.start.offset, endContainer: nodes[span.end.segment]!, endOffset: span.end.offset })
      : null,
  );
}
