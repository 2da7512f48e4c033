import search from 'approx-string-match';
import type { TextQuoteSelector } from './anchor';

/**
 * How sure we are that a candidate range is the highlighted passage, from what the text says.
 *
 * score = ½ · quote + ½ · context + bonuses for the exact words, where
 * - quote is 1 for the exact words; for an edited match, its similarity to the stored quote
 *   (1 − errors / length) rescaled above chance like the context (a quarter of the letters
 *   changed counts half);
 * - context (see contextEvidence) is how well the text around the candidate matches the stored
 *   prefix and suffix, from 0 (unrelated) to 1 (unchanged);
 * - the exact words earn ¼ · min(1, length / LONG_QUOTE), as identical words are evidence in
 *   themselves, the more so the longer they are; and ⅛ more at their very old offsets, since the
 *   text before them then kept its length (the position rule of ARCHITECTURE.md).
 *
 * A candidate is accepted at ACCEPT_SCORE or above; below it the highlight is an orphan. So:
 * - an exact quote of LONG_QUOTE units or more is accepted even in new surroundings (a moved
 *   paragraph), but loses to an edited copy that kept its surroundings;
 * - a short exact quote needs part of its context (a 12-letter quote elsewhere: context ≥ 0.31);
 * - an edited quote needs more context the more it was edited: one error in twenty letters
 *   needs 0.6, one in eight 0.75, a quarter rewritten (the most searched for) all of it.
 * Distance from the old position orders the candidates the text cannot tell apart.
 */
export const ACCEPT_SCORE = 0.75;

/** No edited candidate can score 1, so an exact one that does needs no fuzzy search. */
export const CONCLUSIVE_SCORE = 1;

/** An exact quote at least this long (one context length) is accepted on its own words. */
export const LONG_QUOTE = 32;

/** Fuzzy candidates must keep at least this share of the quote; more errors are not searched for. */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * Similarity two unrelated 32-character stretches of prose reach by chance (shared letters,
 * spaces, common words): median 0.28, 99th percentile 0.50, measured on the seed articles.
 * Context evidence starts above it, so unrelated surroundings count as no evidence.
 */
export const CHANCE_SIMILARITY = 0.5;

/** 1 − edit distance / length, where `expected` may match anywhere inside `actual` (which is about as long). */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  const errors = best ? best.errors : expected.length;
  return 1 - errors / expected.length;
}

function calibrated(similarityValue: number): number {
  return Math.max(0, (similarityValue - CHANCE_SIMILARITY) / (1 - CHANCE_SIMILARITY));
}

/**
 * Evidence in [0, 1] that body[start, end) sits in the stored context. Each side weighs by the
 * length of its stored context, so a highlight at the very start of the body (empty prefix) is
 * judged on its suffix. A quote that was the whole body has no context: any candidate is as good.
 */
export function contextEvidence(body: string, start: number, end: number, quote: TextQuoteSelector): number {
  const { prefix, suffix } = quote;
  const weight = prefix.length + suffix.length;
  if (weight === 0) return 1;
  const before = body.slice(Math.max(0, start - prefix.length), start);
  const after = body.slice(end, end + suffix.length);
  const prefixEvidence = prefix.length === 0 ? 0 : calibrated(similarity(prefix, before));
  const suffixEvidence = suffix.length === 0 ? 0 : calibrated(similarity(suffix, after));
  return (prefix.length * prefixEvidence + suffix.length * suffixEvidence) / weight;
}

/** A candidate range with what the scoring needs to know about it. */
export interface Evidence {
  quoteLength: number;
  /** Edit distance between the candidate's text and the stored quote. */
  errors: number;
  context: number;
  atOldPosition: boolean;
}

/** The score of a candidate; see the top of this file. */
export function candidateScore({ quoteLength, errors, context, atOldPosition }: Evidence): number {
  if (errors > 0) return 0.5 * calibrated(1 - errors / quoteLength) + 0.5 * context;
  return 0.5 + 0.5 * context + 0.25 * Math.min(1, quoteLength / LONG_QUOTE) + (atOldPosition ? 0.125 : 0);
}
