import type { Anchor, AnchorResult, TextPositionSelector } from './anchor';
import { contextAround } from './anchor';
import type { Candidate } from './candidates';
import { exactCandidates, fullContextCandidates, fuzzyCandidates } from './candidates';
import { ACCEPT_SCORE, candidateScore, CONCLUSIVE_SCORE, contextEvidence } from './evidence';

/** Differences smaller than this are ties: they come from rounding, not from the text. */
const TIE = 1e-9;

interface Scored extends Candidate {
  score: number;
  context: number;
  distance: number;
}

function score(body: string, anchor: Anchor, candidate: Candidate): Scored {
  const context = contextEvidence(body, candidate.start, candidate.end, anchor);
  const atOldPosition = candidate.start === anchor.start && candidate.end === anchor.end;
  return {
    ...candidate,
    score: candidateScore({ quoteLength: anchor.exact.length, errors: candidate.errors, context, atOldPosition }),
    context,
    distance: Math.abs(candidate.start - anchor.start) + Math.abs(candidate.end - anchor.end),
  };
}

/** Highest score first; then the better context (repeated phrases); then the nearest to the old position. */
function better(a: Scored, b: Scored): boolean {
  if (Math.abs(a.score - b.score) > TIE) return a.score > b.score;
  if (Math.abs(a.context - b.context) > TIE) return a.context > b.context;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.start < b.start;
}

function best(body: string, anchor: Anchor, candidates: Candidate[]): Scored | null {
  let top: Scored | null = null;
  for (const candidate of candidates) {
    const scored = score(body, anchor, candidate);
    if (!top || better(scored, top)) top = scored;
  }
  return top;
}

function result(anchor: Anchor, found: Candidate): AnchorResult {
  if (found.errors > 0) return { status: 'fuzzy', start: found.start, end: found.end };
  const moved = found.start !== anchor.start || found.end !== anchor.end;
  return { status: moved ? 'moved' : 'exact', start: found.start, end: found.end };
}

/**
 * Finds a highlight again in a (possibly changed) body, in the order of ARCHITECTURE.md:
 * 1. the old position, if the quote and its context are still there;
 * 2. the quote with its whole context, anywhere (text inserted or deleted elsewhere);
 * 3. the exact quote wherever it occurs, judged by its context (repeated phrases), the nearest
 *    winning ties;
 * 4. unless an exact copy is beyond doubt (CONCLUSIVE_SCORE), edited versions of the quote
 *    (approx-string-match) too, judged by quote, context and distance: a passage corrected in
 *    place beats the same words in an unrelated sentence.
 * Nothing below ACCEPT_SCORE (see evidence.ts) is returned: the highlight is orphaned and
 * keeps its old position as a hint, rather than being moved onto a passage we cannot vouch for.
 *
 * `expected` is where the old position most likely is now (see editShift); it stands in for the
 * old position in steps 1, 3 and 4. The status still compares with the anchor's own offsets.
 */
export function reanchor(body: string, anchor: Anchor, expected: TextPositionSelector = anchor): AnchorResult {
  const orphan: AnchorResult = { status: 'orphaned', start: anchor.start, end: anchor.end };
  if (anchor.exact.length === 0) return orphan;
  const hinted: Anchor = { ...anchor, start: expected.start, end: expected.end };

  if (body.slice(hinted.start, hinted.end) === anchor.exact) {
    const context = contextAround(body, hinted.start, hinted.end);
    if (context.prefix === anchor.prefix && context.suffix === anchor.suffix) return result(anchor, { start: hinted.start, end: hinted.end, errors: 0 });
  }

  const withContext = best(body, hinted, fullContextCandidates(body, hinted));
  if (withContext && withContext.score >= CONCLUSIVE_SCORE) return result(anchor, withContext);

  let found = best(body, hinted, exactCandidates(body, hinted));
  if (!found || found.score < CONCLUSIVE_SCORE) {
    const edited = best(body, hinted, fuzzyCandidates(body, hinted));
    if (edited && (!found || better(edited, found))) found = edited;
  }
  return found && found.score >= ACCEPT_SCORE ? result(anchor, found) : orphan;
}
