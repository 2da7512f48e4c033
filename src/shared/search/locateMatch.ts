import type { SnippetSegment } from './snippet';

/** Where the ellipsis FTS5 puts at a cut-off end of a snippet (searchKinds.ts). */
const ELLIPSIS = '…';

/**
 * Where a source result's first marked word is in the source's body, so the reader can scroll to
 * it: [start, end) in UTF-16 code units, the offsets highlights use. A snippet is a verbatim piece
 * of one column (with an ellipsis at a cut-off end), so a body snippet is found whole and its
 * first mark is exact. A snippet from the title, outlet or author is not in the body: then the
 * first place the body has one of the marked words, spelled as marked. Null when it has none.
 */
export function locateMatch(body: string, segments: readonly SnippetSegment[]): { start: number; end: number } | null {
  const first = segments.findIndex((segment) => segment.match);
  if (first < 0) return null;
  const before = segments.slice(0, first).map((segment) => segment.text).join('');
  const lead = before.startsWith(ELLIPSIS) ? ELLIPSIS.length : 0;
  let text = segments.map((segment) => segment.text).join('').slice(lead);
  if (text.endsWith(ELLIPSIS)) text = text.slice(0, -ELLIPSIS.length);
  const at = text === '' ? -1 : body.indexOf(text);
  if (at >= 0) {
    const start = at + before.length - lead;
    return { start, end: start + segments[first]!.text.length };
  }
  let best: { start: number; end: number } | null = null;
  for (const segment of segments) {
    if (!segment.match) continue;
    const start = body.indexOf(segment.text);
    if (start >= 0 && (best === null || start < best.start)) best = { start, end: start + segment.text.length };
  }
  return best;
}
