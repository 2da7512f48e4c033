import { describe, expect, it } from 'vitest';
import { createAnchor, InvalidRangeError, rangeProblem } from './anchor';

const body = 'The leaders of Artsakh and Armenia urged the international community to deploy monitoring missions as Azerbaijan continues its blockade of the Lachin Corridor.';

describe('createAnchor', () => {
  it('stores exactly the selected words with up to 32 code units of context on each side', () => {
    const start = body.indexOf('monitoring missions');
    const anchor = createAnchor(body, start, start + 'monitoring missions'.length);
    expect(anchor.exact).toBe('monitoring missions');
    expect(anchor.prefix).toBe(body.slice(start - 32, start));
    expect(anchor.suffix).toBe(body.slice(anchor.end, anchor.end + 32));
    expect(anchor.prefix).toHaveLength(32);
  });

  it('keeps shorter context at the edges of the body', () => {
    const anchor = createAnchor(body, 0, 11);
    expect(anchor).toEqual({ start: 0, end: 11, exact: 'The leaders', prefix: '', suffix: body.slice(11, 43) });
    const last = createAnchor(body, body.length - 9, body.length);
    expect(last.exact).toBe('Corridor.');
    expect(last.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    // 31 letters then an emoji (two code units): a 32-unit prefix would start on its low half.
    const text = `${'a'.repeat(10)}😀${'b'.repeat(31)}QUOTE${'c'.repeat(31)}😀tail`;
    const start = text.indexOf('QUOTE');
    const anchor = createAnchor(text, start, start + 5);
    expect(anchor.prefix).toBe('b'.repeat(31));
    expect(anchor.suffix).toBe('c'.repeat(31));
    expect(anchor.prefix + anchor.suffix).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it('keeps whole astral characters at the edge of the context', () => {
    const text = `${'b'.repeat(30)}😀QUOTE`;
    const anchor = createAnchor(text, 32, 37);
    expect(anchor.prefix).toBe(`${'b'.repeat(30)}😀`);
  });

  it.each([
    [5, 5, 'is empty'],
    [-1, 4, 'outside the text'],
    [0, body.length + 1, 'outside the text'],
    [9, 3, 'is empty'],
    [1.5, 4, 'whole offsets'],
  ])('refuses the range %s–%s (%s)', (start, end, message) => {
    expect(() => createAnchor(body, start, end)).toThrow(InvalidRangeError);
    expect(rangeProblem(body, start, end)).toContain(message);
  });

  it('refuses a range that cuts a character in half or holds only white space', () => {
    expect(rangeProblem('a😀b', 2, 4)).toContain('cuts a character');
    expect(rangeProblem('a😀b', 1, 2)).toContain('cuts a character');
    expect(rangeProblem('a😀b', 1, 3)).toBeNull();
    expect(rangeProblem('one  two', 3, 5)).toContain('white space');
  });
});
