/**
 * Pure offset arithmetic for the reader (issue 3). Highlights anchor in UTF-16 offsets of the
 * canonical body; the reader shows that body as one <p> per paragraph, each with `data-start`.
 * Offsets are always computed from the paragraph starts, never by adding up DOM text between
 * paragraphs: the body has "\n" or "\n\n" between them, which the DOM does not show.
 */

/** A paragraph as the reader shows it: where it starts in the body and how long its text is. */
export interface ParagraphExtent {
  start: number;
  length: number;
}

/** A place in the article: code units into a paragraph's text (0 … length). */
export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The body offset of a paragraph point; offsets outside the paragraph clamp to its ends. */
export function bodyOffset(paragraphs: readonly ParagraphExtent[], point: ParagraphPoint): number {
  const paragraph = paragraphs[point.paragraph];
  if (!paragraph) throw new RangeError(`The article has no paragraph ${point.paragraph}.`);
  return paragraph.start + Math.min(Math.max(point.offset, 0), paragraph.length);
}

const isSpace = (char: string) => /\s/u.test(char);

/**
 * [start, end) narrowed past white space at both ends, or null when only white space is left.
 * A triple click or a drag to the next line selects the line break too; the highlight (and its
 * `exact`) should be the words, not the gap after them.
 */
export function trimToWords(body: string, start: number, end: number): TextRange | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(body.length, Math.max(start, end));
  while (from < to && isSpace(body[from]!)) from += 1;
  while (to > from && isSpace(body[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/** The body range between two article points (in either order), trimmed to words; null when empty. */
export function rangeBetween(body: string, paragraphs: readonly ParagraphExtent[], anchor: ParagraphPoint, focus: ParagraphPoint): TextRange | null {
  return trimToWords(body, bodyOffset(paragraphs, anchor), bodyOffset(paragraphs, focus));
}

/** The highlights that contain `offset`, innermost (shortest) first. */
export function highlightsAt<T extends TextRange>(highlights: readonly T[], offset: number): T[] {
  return highlights.filter((highlight) => highlight.start <= offset && offset < highlight.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
