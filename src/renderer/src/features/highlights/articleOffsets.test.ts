import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../../shared/text/canonical';
import type { ParagraphPoint } from './articleOffsets';
import { bodyOffset, highlightsAt, rangeBetween, trimToWords } from './articleOffsets';

/** What the reader renders: one paragraph per non-empty line, each with its body offset. */
const extents = (body: string) => splitParagraphs(body).map((paragraph) => ({ start: paragraph.start, length: paragraph.text.length }));

/** The article point just before `word` in paragraph `paragraph`, as the DOM selection would give it. */
function pointAt(body: string, paragraph: number, word: string, after = false): ParagraphPoint {
  const text = splitParagraphs(body)[paragraph]!.text;
  const index = text.indexOf(word);
  if (index < 0) throw new Error(`"${word}" is not in paragraph ${paragraph}`);
  return { paragraph, offset: after ? index + word.length : index };
}

describe('rangeBetween', () => {
  const body = [
    'Լաչինի միջանցքը փակ է արդեն երեք շաբաթ։',
    '',
    'Российские миротворцы остаются на Лачинской дороге.',
    'Laçın yolunda ekoloji aksiya davam edir, İrəvan narazıdır.',
  ].join('\n');
  const paragraphs = extents(body);

  it('gives exactly the selected words in Armenian, Cyrillic and Azerbaijani Latin', () => {
    for (const [paragraph, words] of [
      [0, 'միջանցքը փակ է'],
      [1, 'миротворцы остаются'],
      [2, 'ekoloji aksiya davam edir, İrəvan'],
    ] as const) {
      const range = rangeBetween(body, paragraphs, pointAt(body, paragraph, words), pointAt(body, paragraph, words, true));
      expect(range && body.slice(range.start, range.end)).toBe(words);
    }
  });

  it('counts the body’s own line breaks between paragraphs, whether one or two', () => {
    const range = rangeBetween(body, paragraphs, pointAt(body, 0, 'շաբաթ'), pointAt(body, 2, 'Laçın', true));
    expect(range && body.slice(range.start, range.end)).toBe('շաբաթ։\n\nРоссийские миротворцы остаются на Лачинской дороге.\nLaçın');
  });

  it('accepts a backwards selection (focus before anchor)', () => {
    const range = rangeBetween(body, paragraphs, pointAt(body, 1, 'остаются', true), pointAt(body, 1, 'миротворцы'));
    expect(range && body.slice(range.start, range.end)).toBe('миротворцы остаются');
  });

  it('drops the line break a triple click selects, and refuses a selection of only white space', () => {
    const tripleClick = rangeBetween(body, paragraphs, { paragraph: 1, offset: 0 }, { paragraph: 2, offset: 0 });
    expect(tripleClick && body.slice(tripleClick.start, tripleClick.end)).toBe(splitParagraphs(body)[1]!.text);
    expect(rangeBetween(body, paragraphs, { paragraph: 0, offset: 40 }, { paragraph: 1, offset: 0 })).toBeNull();
    expect(rangeBetween(body, paragraphs, pointAt(body, 0, ' փակ'), pointAt(body, 0, ' փակ'))).toBeNull();
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    const emoji = 'The 🕊️ dove flew.\nNext.';
    const range = rangeBetween(emoji, extents(emoji), pointAt(emoji, 0, '🕊️'), pointAt(emoji, 0, 'dove', true));
    expect(range && emoji.slice(range.start, range.end)).toBe('🕊️ dove');
  });
});

describe('bodyOffset and trimToWords', () => {
  it('clamps offsets to the paragraph and rejects unknown paragraphs', () => {
    const paragraphs = [{ start: 10, length: 5 }];
    expect(bodyOffset(paragraphs, { paragraph: 0, offset: 99 })).toBe(15);
    expect(bodyOffset(paragraphs, { paragraph: 0, offset: -3 })).toBe(10);
    expect(() => bodyOffset(paragraphs, { paragraph: 1, offset: 0 })).toThrow(RangeError);
  });

  it('trims white space of every kind at both ends only', () => {
    const text = '\u00a0 two words\n';
    expect(trimToWords(text, 0, text.length)).toEqual({ start: 2, end: 11 });
  });
});

describe('highlightsAt', () => {
  it('lists the highlights under an offset, innermost first, and treats ends as exclusive', () => {
    const highlights = [
      { id: 1, start: 0, end: 20 },
      { id: 2, start: 5, end: 10 },
      { id: 3, start: 10, end: 15 },
    ];
    expect(highlightsAt(highlights, 7).map((highlight) => highlight.id)).toEqual([2, 1]);
    expect(highlightsAt(highlights, 10).map((highlight) => highlight.id)).toEqual([3, 1]);
    expect(highlightsAt(highlights, 20)).toEqual([]);
  });
});
