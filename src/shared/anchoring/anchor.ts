/**
 * A highlight's anchor: where it is (a W3C TextPositionSelector) and what it says (a
 * TextQuoteSelector), both over the canonical body (src/shared/text/canonical.ts). Offsets count
 * UTF-16 code units, like every string index in JavaScript and the DOM.
 */

/** How many code units of context the quote selector keeps on each side. */
export const CONTEXT_LENGTH = 32;

export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export type Anchor = TextPositionSelector & TextQuoteSelector;

/**
 * exact: the quote is still at its old position. moved: the same words, found elsewhere.
 * fuzzy: the words were edited; this is the best supported match. orphaned: not found with
 * enough confidence; start/end are then the last known position, kept as a hint for later.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorResult {
  status: AnchorStatus;
  start: number;
  end: number;
}

export class InvalidRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRangeError';
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside one character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * Context of up to CONTEXT_LENGTH code units before `start` and after `end`, shortened by one
 * unit rather than cutting a surrogate pair: a lone surrogate cannot be stored as UTF-8 by SQLite
 * or written to JSON without turning into U+FFFD.
 */
export function contextAround(body: string, start: number, end: number): { prefix: string; suffix: string } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(body, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(body.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(body, suffixEnd)) suffixEnd -= 1;
  return { prefix: body.slice(prefixStart, start), suffix: body.slice(end, suffixEnd) };
}

/** Why a range cannot be highlighted, or null when it can. */
export function rangeProblem(body: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `The range ${start}–${end} is not made of whole offsets.`;
  if (start < 0 || end > body.length) return `The range ${start}–${end} lies outside the text, which is ${body.length} characters long.`;
  if (end <= start) return `The range ${start}–${end} is empty; select at least one character.`;
  if (splitsSurrogatePair(body, start) || splitsSurrogatePair(body, end)) return `The range ${start}–${end} cuts a character in half.`;
  if (body.slice(start, end).trim() === '') return `The range ${start}–${end} holds only white space; select some words.`;
  return null;
}

/** The anchor of body[start, end): the exact selected words with their context. Throws on a bad range. */
export function createAnchor(body: string, start: number, end: number): Anchor {
  const problem = rangeProblem(body, start, end);
  if (problem) throw new InvalidRangeError(problem);
  return { start, end, exact: body.slice(start, end), ...contextAround(body, start, end) };
}
