import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../../shared/text/canonical';
import { locateRanges, stackLevels, STACK_LEVELS } from './rangeBoundaries';

const segmentsOf = (body: string) => splitParagraphs(body).map((paragraph) => ({ start: paragraph.start, length: paragraph.text.length }));

/** The text a located span covers, read back through the segments as the DOM ranges would. */
function textOf(body: string, span: ReturnType<typeof locateRanges>[number]): string | null {
  if (!span) return null;
  const texts = splitParagraphs(body).map((paragraph) => paragraph.text);
  if (span.start.segment === span.end.segment) return texts[span.start.segment]!.slice(span.start.offset, span.end.offset);
  const parts = [texts[span.start.segment]!.slice(span.start.offset)];
  for (let segment = span.start.segment + 1; segment < span.end.segment; segment += 1) parts.push(texts[segment]!);
  parts.push(texts[span.end.segment]!.slice(0, span.end.offset));
  return parts.join('|');
}

describe('locateRanges', () => {
  const body = 'Լաչինի միջանցքը փակ է։\n\nДорога закрыта.\nYol bağlıdır.';
  const segments = segmentsOf(body);

  it('finds ranges inside one paragraph in every script', () => {
    const ranges = ['միջանցքը', 'закрыта', 'bağlıdır'].map((word) => ({ start: body.indexOf(word), end: body.indexOf(word) + word.length }));
    expect(locateRanges(segments, ranges).map((span) => textOf(body, span))).toEqual(['միջանցքը', 'закрыта', 'bağlıdır']);
  });

  it('crosses paragraph boundaries, and moves ends out of the gaps between paragraphs', () => {
    const fromArmenian = body.indexOf('փակ');
    expect(textOf(body, locateRanges(segments, [{ start: fromArmenian, end: body.indexOf(' bağlıdır') }])[0]!)).toBe('փակ է։|Дорога закрыта.|Yol');
    // Start on the blank line, end on the line break: the same text without the gaps.
    const gapStart = body.indexOf('\n\n') + 1;
    const gapEnd = body.indexOf('\nYol');
    expect(textOf(body, locateRanges(segments, [{ start: gapStart, end: gapEnd + 1 }])[0]!)).toBe('Дорога закрыта.');
  });

  it('handles overlapping, adjacent and unsorted ranges, and drops ranges with no text', () => {
    const ranges = [
      { start: 30, end: 38 },
      { start: 0, end: 6 },
      { start: 6, end: 16 },
      { start: 3, end: 12 },
      { start: body.indexOf('\n'), end: body.indexOf('\n') + 2 },
      { start: body.length, end: body.length + 5 },
    ];
    const texts = locateRanges(segments, ranges).map((span) => textOf(body, span));
    expect(texts.slice(0, 4)).toEqual([body.slice(30, 38), 'Լաչինի', ' միջանցքը ', 'ինի միջան']);
    expect(texts.slice(4)).toEqual([null, null]);
  });

  it('locates 1,000 ranges over a long article, each exactly', () => {
    const long = Array.from({ length: 300 }, (_, n) => `Paragraph ${n} says something about the Lachin corridor and its closure.`).join('\n\n');
    const ranges = Array.from({ length: 1000 }, (_, n) => {
      const start = (n * 97) % (long.length - 40);
      return { start, end: start + 1 + (n % 37) };
    });
    const spans = locateRanges(segmentsOf(long), ranges);
    spans.forEach((span, index) => {
      const { start, end } = ranges[index]!;
      const expected = long.slice(start, end).split('\n').filter(Boolean).join('|');
      expect(expected === '' ? null : textOf(long, span)).toBe(expected === '' ? null : expected);
    });
  });
});

describe('stackLevels', () => {
  it('puts overlapping and touching ranges of one colour in different layers, others in the first', () => {
    const levels = stackLevels([
      { start: 0, end: 10, color: 'yellow' },
      { start: 5, end: 15, color: 'yellow' },
      { start: 15, end: 20, color: 'yellow' },
      { start: 5, end: 15, color: 'red' },
      { start: 30, end: 40, color: 'yellow' },
    ]);
    expect(levels).toEqual([0, 1, 0, 0, 0]);
  });

  it('never uses more than STACK_LEVELS layers', () => {
    const ranges = Array.from({ length: 10 }, () => ({ start: 0, end: 10, color: 'blue' }));
    expect(Math.max(...stackLevels(ranges))).toBe(STACK_LEVELS - 1);
  });
});
