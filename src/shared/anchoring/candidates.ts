import search from 'approx-string-match';
import type { Anchor } from './anchor';
import { splitsSurrogatePair } from './anchor';
import { MIN_QUOTE_SIMILARITY } from './evidence';

/** A range of the new body that may hold the highlighted passage, with its edit distance to the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Caps on how many places are weighed. A very common short quote ("the") can occur thousands of
 * times; the nearest ones are kept. Dropping a far occurrence can only turn an answer into an
 * orphan, never into a wrong passage.
 */
const MAX_EXACT_CANDIDATES = 500;
const MAX_FUZZY_CANDIDATES = 50;

/** How much of the quote-with-context may differ when the context is used to find an edited quote. */
const MAX_CONTEXT_PATTERN_ERROR_RATE = 0.5;

function nearest(candidates: Candidate[], hint: number, limit: number): Candidate[] {
  if (candidates.length <= limit) return candidates;
  return [...candidates].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, limit);
}

/** Every occurrence of the exact quote, overlapping ones included ("aa" in "aaa" twice). */
export function exactCandidates(body: string, anchor: Anchor): Candidate[] {
  const found: Candidate[] = [];
  for (let at = body.indexOf(anchor.exact); at !== -1; at = body.indexOf(anchor.exact, at + 1)) {
    found.push({ start: at, end: at + anchor.exact.length, errors: 0 });
  }
  return nearest(found, anchor.start, MAX_EXACT_CANDIDATES);
}

/**
 * Occurrences of the whole stored string prefix + exact + suffix, mapped to the quote inside.
 * The quickest certain answer after an edit elsewhere shifted the text.
 */
export function fullContextCandidates(body: string, anchor: Anchor): Candidate[] {
  const whole = anchor.prefix + anchor.exact + anchor.suffix;
  const found: Candidate[] = [];
  for (let at = body.indexOf(whole); at !== -1; at = body.indexOf(whole, at + 1)) {
    const start = at + anchor.prefix.length;
    found.push({ start, end: start + anchor.exact.length, errors: 0 });
  }
  return nearest(found, anchor.start, MAX_EXACT_CANDIDATES);
}

/** Widens a range that would cut a surrogate pair, so a fuzzy match never holds half a character. */
function snapToCharacters(body: string, candidate: Candidate): Candidate {
  const start = splitsSurrogatePair(body, candidate.start) ? candidate.start - 1 : candidate.start;
  const end = splitsSurrogatePair(body, candidate.end) ? candidate.end + 1 : candidate.end;
  return { ...candidate, start, end };
}

const reverse = (text: string) => text.split('').reverse().join('');

/**
 * Every lowest-error match of the quote in `text`, counting from `offset`. approx-string-match
 * reports each end with only its earliest start; when several starts are as good (a deleted
 * first word leaves "çın xış" and "xış" equally far from "çıxış"), the context must choose, so
 * the starts are found too, by searching the reversed quote backwards from each end.
 */
function quoteMatches(text: string, offset: number, quote: string, maxErrors: number): Candidate[] {
  const matches = search(text, quote, maxErrors);
  const found: Candidate[] = [];
  const reversedQuote = reverse(quote);
  for (const match of matches) {
    found.push({ start: offset + match.start, end: offset + match.end, errors: match.errors });
    const from = Math.max(0, match.end - quote.length - match.errors);
    for (const back of search(reverse(text.slice(from, match.end)), reversedQuote, match.errors)) {
      found.push({ start: offset + match.end - back.end, end: offset + match.end - back.start, errors: back.errors });
    }
  }
  return found;
}

function quoteMaxErrors(anchor: Anchor): number {
  return Math.floor(anchor.exact.length * (1 - MIN_QUOTE_SIMILARITY));
}

/**
 * Edited versions of the quote, from two searches with approx-string-match (which returns only
 * the lowest-error matches of a pattern):
 * - the quote alone, for a passage that was edited and may have moved;
 * - the quote with its context, then the quote inside each such match: when the quote also
 *   occurs unedited elsewhere, the first search finds only those copies, and this one finds the
 *   edited passage in its original surroundings.
 */
export function fuzzyCandidates(body: string, anchor: Anchor): Candidate[] {
  const maxErrors = quoteMaxErrors(anchor);
  if (maxErrors < 1) return [];
  const found: Candidate[] = [];
  const add = (candidate: Candidate) => {
    const snapped = snapToCharacters(body, candidate);
    if (snapped.end > snapped.start && !found.some((c) => c.start === snapped.start && c.end === snapped.end)) found.push(snapped);
  };

  for (const match of nearest(quoteMatches(body, 0, anchor.exact, maxErrors), anchor.start, MAX_FUZZY_CANDIDATES)) add(match);

  const whole = anchor.prefix + anchor.exact + anchor.suffix;
  if (whole.length > anchor.exact.length) {
    const contextMatches = nearest(search(body, whole, Math.floor(whole.length * MAX_CONTEXT_PATTERN_ERROR_RATE)), anchor.start, MAX_FUZZY_CANDIDATES);
    for (const region of contextMatches) {
      // The quote may spill past the region by as many characters as it has errors.
      const from = Math.max(0, region.start - maxErrors);
      const window = body.slice(from, Math.min(body.length, region.end + maxErrors));
      for (const match of quoteMatches(window, from, anchor.exact, maxErrors)) add(match);
    }
  }
  return found;
}
