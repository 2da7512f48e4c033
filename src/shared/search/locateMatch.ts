import type { SnippetSegment } from './snippet';

/** Where the ellipsis FTS5 puts at a cut-off end of a snippet (searchKinds.ts). */
const ELLIPSIS = '…';

/**
 * Where a source result's first marked word is in the source's body, so the reader can scroll to
 * it: [start, end) in UTF-16 code units, the offsets highlights use. A snippet is a verbatim piece
 * of one column (with an ellipsis at a cut-off end), so a body snippet is found whole and its
 * first mark is exact. A snippet from the title, outlet or author is not in the body: then the
 * first place the body has one of the marked words, spelled as marked, or else another form of one
 * (firstOtherForm). Null when it has none.
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
  return best ?? firstOtherForm(body, segments);
}

/** Letters a word keeps when another of its forms is looked for (a stem is rarely shorter). */
const MIN_SHARED_LETTERS = 4;

/**
 * Search also matches other forms of a word (issue 14): a title's "Лачинскому" may be "Лачинского"
 * in the body. Then the first body word that starts, ignoring case, with the longest beginning of
 * a marked word (at least MIN_SHARED_LETTERS letters), marked whole.
 */
function firstOtherForm(body: string, segments: readonly SnippetSegment[]): { start: number; end: number } | null {
  const lowerBody = body.toLowerCase();
  for (const segment of segments) {
    const word = segment.match ? [...segment.text.toLowerCase()] : [];
    for (let length = word.length - 1; length >= MIN_SHARED_LETTERS; length--) {
      const beginning = word.slice(0, length).join('');
      for (let at = lowerBody.indexOf(beginning); at >= 0; at = lowerBody.indexOf(beginning, at + 1)) {
        if (at > 0 && /[\p{L}\p{N}]/u.test(body[at - 1]!)) continue;
        const end = at + (/^[\p{L}\p{N}\p{M}]*/u.exec(body.slice(at))?.[0].length ?? beginning.length);
        return { start: at, end };
      }
    }
  }
  return null;
}
