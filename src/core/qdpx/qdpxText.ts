import type { Anchor } from '../../shared/anchoring/anchor';
import { CONTEXT_LENGTH, createAnchor } from '../../shared/anchoring/anchor';
import { reanchor } from '../../shared/anchoring/reanchor';
import { canonicalizeText } from '../../shared/text/canonical';

/**
 * Where a REFI-QDA selection lies in the text Marginalia stores.
 *
 * The offset unit: REFI-QDA counts "characters" of the source's plain text. Marginalia reads and
 * writes them as Unicode code points of the text as the project stores it, end exclusive, so a
 * CRLF line end counts as two characters (as Python-based QualCoder counts) and 🚧 as one. Tools
 * disagree (some count UTF-16 units, some a CRLF as one), so a position is never trusted alone:
 * the words at it are looked up in the stored text, which is canonical (NFC, `\n` line ends; see
 * canonicalizeText), at the position first, else by their words and context (reanchor), else by
 * the selection's name (ATLAS.ti and Marginalia name a selection by its words). What cannot be
 * found is imported as an orphan, to re-attach by hand.
 */
export interface PlacedSelection {
  anchor: Anchor;
  orphaned: boolean;
}

/** The canonical form of a piece of text inside a longer one: as canonicalizeText, without trimming its ends. */
const canonicalPiece = (piece: string): string => canonicalizeText(`\u0001${piece}\u0001`).slice(1, -1);

export function placeSelection(rawText: string, body: string, startPosition: number, endPosition: number, name: string | null): PlacedSelection {
  const points = [...rawText];
  const start = Math.max(0, Math.min(points.length, Math.trunc(startPosition)));
  const end = Math.max(start, Math.min(points.length, Math.trunc(endPosition)));
  const before = canonicalPiece(points.slice(0, start).join('')).replace(/^\n+/, '');
  const exact = canonicalPiece(points.slice(start, end).join('')).trim();
  const after = canonicalPiece(points.slice(end).join(''));
  const hint = Math.min(body.length, before.length);
  const anchor: Anchor = { start: hint, end: Math.min(body.length, hint + exact.length), exact, prefix: before.slice(-CONTEXT_LENGTH), suffix: after.slice(0, CONTEXT_LENGTH) };
  const named = name ? canonicalPiece(name).trim() : '';
  // A selection's name that is its words (not cut short with "…"), found next to the position:
  // the position was counted in another unit, and the name says where the words really are.
  if (named !== '' && !named.endsWith('…') && named !== exact) {
    const near = nearest(body, named, hint, Math.max(8, named.length));
    if (near !== null) return { anchor: createAnchor(body, near, near + named.length), orphaned: false };
  }
  if (exact !== '') {
    const found = reanchor(body, anchor);
    if (found.status !== 'orphaned') return { anchor: createAnchor(body, found.start, found.end), orphaned: false };
  }
  const words = named.replace(/…$/, '');
  if (words !== '') {
    const index = nearest(body, words, hint, body.length);
    if (index !== null) return { anchor: createAnchor(body, index, index + words.length), orphaned: false };
  }
  return { anchor: { ...anchor, exact: exact || words || '…' }, orphaned: true };
}

/** The occurrence of `words` nearest to `hint`, if one starts within `distance` of it. */
function nearest(body: string, words: string, hint: number, distance: number): number | null {
  let best: number | null = null;
  for (let at = body.indexOf(words, Math.max(0, hint - distance)); at >= 0 && at <= hint + distance; at = body.indexOf(words, at + 1)) {
    if (best === null || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  return best;
}
