import { describe, expect, it } from 'vitest';
import { canonicalizeText, splitParagraphs } from './canonical';

describe('canonicalizeText', () => {
  it('strips a BOM and turns CRLF, CR and Unicode separators into \\n', () => {
    expect(canonicalizeText('\uFEFFone\r\ntwo\rthree\u2028four\u2029five')).toBe('one\ntwo\nthree\nfour\nfive');
  });

  it('composes to NFC, so the same words always have the same offsets', () => {
    const decomposed = 'Ste\u0301phane Dujarric';
    const canonical = canonicalizeText(decomposed);
    expect(canonical).toBe('St\u00e9phane Dujarric');
    expect(canonical.length).toBe(decomposed.length - 1);
  });

  it('keeps paragraphs, collapses runs of blank lines to one, trims trailing spaces and blank ends', () => {
    expect(canonicalizeText('\n\nFirst paragraph.  \n\n\n\nSecond\u00A0\t\nline two\n\n\n')).toBe('First paragraph.\n\nSecond\nline two');
  });

  it('keeps leading indentation (the seed header line starts with a space)', () => {
    expect(canonicalizeText(' date 2023-02-24 UrduPoint.com\n\nBody')).toBe(' date 2023-02-24 UrduPoint.com\n\nBody');
  });

  it('is idempotent', () => {
    const once = canonicalizeText('\uFEFFa\r\n\r\n\r\nb  \r\n');
    expect(canonicalizeText(once)).toBe(once);
  });
});

describe('splitParagraphs', () => {
  it('gives every non-empty line with the offset of its first character', () => {
    const body = 'One.\n\nTwo.\nThree.';
    const paragraphs = splitParagraphs(body);
    expect(paragraphs).toEqual([
      { start: 0, text: 'One.' },
      { start: 6, text: 'Two.' },
      { start: 11, text: 'Three.' },
    ]);
    for (const paragraph of paragraphs) expect(body.slice(paragraph.start, paragraph.start + paragraph.text.length)).toBe(paragraph.text);
  });
});
