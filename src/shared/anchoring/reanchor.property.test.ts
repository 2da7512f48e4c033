import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, createAnchor, splitsSurrogatePair } from './anchor';
import type { Anchor } from './anchor';
import { editShift } from './editShift';
import { reanchor } from './reanchor';

/**
 * Property tests: a body is built around a quote, edited at random, and the quote's true place
 * in the edited body is tracked. Re-anchoring must return that place or an orphan, never
 * another passage. Words come from the four scripts of the seed library. Quotes and the text
 * around them use different words, so an edit cannot create a second copy of the quote (then no
 * one could say which is right); look-alikes are split across the two lists (Baku/Bakı,
 * коридор/corridor, Lachin/Laçın, Երևան/Ереван) to tempt the fuzzy matcher.
 */
const QUOTE_WORDS = [
  'միջանցք', 'շրջափակում', 'դեղորայք', 'Երևան', 'коридор', 'продовольствие', 'миротворцы', 'Баку',
  'etiraz', 'qanunsuz', 'Şuşa', 'çıxış', 'blockade', 'Lachin', 'peacekeepers', 'Baku', '2023',
];
const FILLER_WORDS = [
  'Լաչին', 'Արցախ', 'բնակիչներ', 'սնունդ', 'վարչապետ', 'և', 'блокада', 'Карабах', 'жители', 'лекарства', 'переговоры',
  'Ереван', 'и', 'Laçın', 'yol', 'ekoloqlar', 'fəallar', 'istismar', 'şəhər', 'Ağdam', 'Bakı', 'the', 'corridor',
  'residents', 'talks', 'Yerevan', 'said', 'on', 'Monday', '—', '12', 'UN',
];

const wordsFrom = (list: string[]) => (min: number, max: number) =>
  fc.array(fc.constantFrom(...list), { minLength: min, maxLength: max }).map((picked) => picked.join(' '));
const quoteWords = wordsFrom(QUOTE_WORDS);
const words = wordsFrom(FILLER_WORDS);
const separator = fc.constantFrom(' ', ' ', ' ', '. ', ', ', '\n', '\n\n');
const insertion = fc.oneof(words(1, 4).map((text) => ` ${text} `), fc.string({ minLength: 1, maxLength: 6 }), separator);

/** An edit of the text outside the quote: where (a fraction of the side), how much to delete, what to insert. */
const outsideEdit = fc.record({
  side: fc.constantFrom('before', 'after'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constant(''), insertion),
});
type OutsideEdit = typeof outsideEdit extends fc.Arbitrary<infer T> ? T : never;

function splice(text: string, at: number, deleteCount: number, insert: string): string {
  let position = Math.floor(at * text.length);
  let end = Math.min(text.length, position + deleteCount);
  // Edits work on whole characters, as a text editor does.
  if (splitsSurrogatePair(text, position)) position -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  return text.slice(0, position) + insert + text.slice(end);
}

function applyOutside(before: string, after: string, edits: OutsideEdit[]): [string, string] {
  for (const edit of edits) {
    if (edit.side === 'before') before = splice(before, edit.at, edit.deleteCount, edit.insert);
    else after = splice(after, edit.at, edit.deleteCount, edit.insert);
  }
  return [before, after];
}

const occurrences = (text: string, part: string) => {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count++;
  return count;
};

/** Re-anchors as reanchorSource does (expecting the place a single edit would give) or without that hint. */
function locate(body: string, edited: string, anchor: Anchor, hinted: boolean) {
  return hinted ? reanchor(edited, anchor, editShift(body, edited)(anchor)) : reanchor(edited, anchor);
}

const RUNS = { numRuns: Number(process.env.ANCHOR_RUNS ?? 400) };

/** Counts outcomes, so a property that passes only by orphaning everything fails instead. */
function tally() {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    add(status: string) {
      counts.set(status, (counts.get(status) ?? 0) + 1);
      total++;
    },
    share: (...statuses: string[]) => statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0) / total,
    counts,
  };
}

describe('reanchor properties', () => {
  it('finds any highlight of an unchanged body exactly where it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        fc.pre(!splitsSurrogatePair(body, start) && !splitsSurrogatePair(body, end) && body.slice(start, end).trim() !== '');
        expect(reanchor(body, createAnchor(body, start, end))).toEqual({ status: 'exact', start, end });
      }),
      RUNS,
    );
  });

  it('returns the quote’s new place or an orphan when the text around it is edited', () => {
    const outcomes = tally();
    fc.assert(
      fc.property(words(0, 14), separator, quoteWords(1, 6), separator, words(0, 14), fc.array(outsideEdit, { minLength: 1, maxLength: 5 }), fc.boolean(), (head, left, quote, right, tail, edits, hinted) => {
        const before = head + left;
        const after = right + tail;
        const body = before + quote + after;
        fc.pre(occurrences(body, quote) === 1);
        const anchor = createAnchor(body, before.length, before.length + quote.length);
        const [newBefore, newAfter] = applyOutside(before, after, edits);
        const edited = newBefore + quote + newAfter;
        const result = locate(body, edited, anchor, hinted);
        outcomes.add(result.status);
        if (result.status === 'orphaned') {
          // An intact quote that occurs once and is at least a context long is never lost.
          expect(quote.length < CONTEXT_LENGTH || occurrences(edited, quote) > 1).toBe(true);
        } else {
          expect({ start: result.start, end: result.end }).toEqual({ start: newBefore.length, end: newBefore.length + quote.length });
        }
      }),
      RUNS,
    );
    expect(outcomes.share('exact', 'moved')).toBeGreaterThan(0.8);
  });

  it('picks the highlighted copy of a repeated phrase when its surroundings survive', () => {
    const segment = words(1, 6);
    fc.assert(
      fc.property(quoteWords(1, 4), fc.array(segment, { minLength: 3, maxLength: 5 }), fc.nat(), fc.array(outsideEdit, { minLength: 1, maxLength: 6 }), fc.boolean(), (quote, segments, pick, edits, hinted) => {
        // segment₀ Q segment₁ Q … segmentₙ, every Q between spaces.
        const copies = segments.length - 1;
        const chosen = pick % copies;
        const before = segments.slice(0, chosen + 1).join(` ${quote} `) + ' ';
        const after = ' ' + segments.slice(chosen + 1).join(` ${quote} `);
        const body = before + quote + after;
        const anchor = createAnchor(body, before.length, before.length + quote.length);
        // Edit only beyond the stored context, so the highlighted copy keeps its surroundings.
        const keepBefore = before.slice(-anchor.prefix.length || before.length);
        const keepAfter = after.slice(0, anchor.suffix.length);
        const [farBefore, farAfter] = applyOutside(before.slice(0, before.length - keepBefore.length), after.slice(keepAfter.length), edits);
        const newBefore = farBefore + keepBefore;
        const edited = newBefore + quote + keepAfter + farAfter;
        // When the copies' surroundings are themselves identical, nothing can tell them apart.
        fc.pre(occurrences(edited, anchor.prefix + quote + anchor.suffix) === 1);
        const result = locate(body, edited, anchor, hinted);
        expect(result.status === 'exact' || result.status === 'moved').toBe(true);
        expect({ start: result.start, end: result.end }).toEqual({ start: newBefore.length, end: newBefore.length + quote.length });
      }),
      RUNS,
    );
  });

  it('returns the edited quote or an orphan when the quote itself is corrected', () => {
    const outcomes = tally();
    const innerEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), deleteCount: fc.nat({ max: 2 }), insert: fc.constantFrom('', 'a', 'ə', 'ы', 'ա', 'x') });
    fc.assert(
      fc.property(words(0, 12), quoteWords(2, 6), words(0, 12), fc.array(innerEdit, { minLength: 1, maxLength: 2 }), fc.array(outsideEdit, { maxLength: 3 }), fc.boolean(), (head, quote, tail, inner, edits, hinted) => {
        const before = head + ' ';
        const after = ' ' + tail;
        const body = before + quote + after;
        fc.pre(occurrences(body, quote) === 1);
        const anchor = createAnchor(body, before.length, before.length + quote.length);
        let newQuote = quote;
        for (const edit of inner) newQuote = splice(newQuote, edit.at, edit.deleteCount, edit.insert);
        const changed = inner.reduce((sum, edit) => sum + edit.deleteCount + edit.insert.length, 0);
        fc.pre(newQuote.trim() !== '');
        const [newBefore, newAfter] = applyOutside(before, after, edits);
        const edited = newBefore + newQuote + newAfter;
        const result = locate(body, edited, anchor, hinted);
        outcomes.add(result.status);
        if (result.status === 'orphaned') return;
        // The right passage: the edited quote, its ends off by no more than the characters edited.
        const trueStart = newBefore.length;
        const trueEnd = trueStart + newQuote.length;
        const slack = changed + 1;
        expect(Math.abs(result.start - trueStart)).toBeLessThanOrEqual(slack);
        expect(Math.abs(result.end - trueEnd)).toBeLessThanOrEqual(slack);
      }),
      RUNS,
    );
    expect(outcomes.share('fuzzy')).toBeGreaterThan(0.3);
  });

  it('always answers within the body and on whole characters, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(), fc.nat(), (body, other, a, b) => {
        const start = a % body.length;
        const end = start + 1 + (b % (body.length - start));
        fc.pre(!splitsSurrogatePair(body, start) && !splitsSurrogatePair(body, end) && body.slice(start, end).trim() !== '');
        const result = reanchor(other, createAnchor(body, start, end));
        if (result.status === 'orphaned') return;
        expect(result.start).toBeGreaterThanOrEqual(0);
        expect(result.end).toBeLessThanOrEqual(other.length);
        expect(result.end).toBeGreaterThan(result.start);
        expect(splitsSurrogatePair(other, result.start) || splitsSurrogatePair(other, result.end)).toBe(false);
      }),
      RUNS,
    );
  });
});
