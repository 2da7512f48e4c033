/**
 * Snippets cross the contract as segments, `{ text, match }`, so the renderer marks matched words
 * with elements it creates itself (never innerHTML) and no character of a source can act as markup.
 */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/**
 * What the index wraps matched words in. Unicode noncharacters: they are never meant to appear in
 * interchanged text, so an article cannot forge a mark. (One that contains them anyway loses them.)
 */
export const MATCH_START = '\uFDD0';
export const MATCH_END = '\uFDD1';

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'gu');

/** Splits FTS5 snippet output into segments; adjacent text of the same kind is merged. */
export function segmentsFromMarked(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  const push = (text: string) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let at = 0;
  for (const mark of marked.matchAll(MARKS)) {
    push(marked.slice(at, mark.index));
    match = mark[0] === MATCH_START;
    at = mark.index + 1;
  }
  push(marked.slice(at));
  return segments;
}

/** The snippet as plain text, marks dropped. */
export function snippetText(segments: readonly SnippetSegment[]): string {
  return segments.map((segment) => segment.text).join('');
}

/** The snippet with each match wrapped by `mark`, e.g. for a terminal: `[Lachin] corridor`. */
export function formatSnippet(segments: readonly SnippetSegment[], mark: (text: string) => string): string {
  return segments.map((segment) => (segment.match ? mark(segment.text) : segment.text)).join('');
}
