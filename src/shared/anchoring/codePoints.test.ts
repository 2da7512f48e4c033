import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetConverter } from './codePoints';

describe('offsetConverter', () => {
  it('is the identity for text in the Basic Multilingual Plane', () => {
    const text = 'Լաչին коридор Laçın yolu';
    const convert = offsetConverter(text);
    for (let offset = 0; offset <= text.length; offset++) {
      expect(convert.toCodePoints(offset)).toBe(offset);
      expect(convert.toUtf16(offset)).toBe(offset);
    }
  });

  it('counts an emoji as one code point and two code units', () => {
    const text = 'a😀b';
    const convert = offsetConverter(text);
    expect([0, 1, 3, 4].map(convert.toCodePoints)).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map(convert.toUtf16)).toEqual([0, 1, 3, 4]);
    expect(convert.toUtf16(99)).toBe(4);
  });

  it('round-trips every offset that does not cut a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const convert = offsetConverter(text);
        expect(convert.toCodePoints(text.length)).toBe([...text].length);
        let unit = 0;
        for (const character of [...text, '']) {
          expect(convert.toUtf16(convert.toCodePoints(unit))).toBe(unit);
          unit += character.length;
        }
      }),
    );
  });
});
