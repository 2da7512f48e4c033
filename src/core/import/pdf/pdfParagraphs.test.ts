import { describe, expect, it } from 'vitest';
import type { TextRun } from './pdfParagraphs';
import { pdfParagraphs } from './pdfParagraphs';

/** Lines at a baseline y and font size, as pdf.js reports them. */
const lines = (...spec: [string, number, number?][]): TextRun[] => spec.map(([str, y, size = 10]) => ({ str, hasEOL: true, transform: [size, 0, 0, size, 72, y], height: size }));

describe('pdfParagraphs', () => {
  it('joins wrapped lines and starts a paragraph at a wider gap', () => {
    expect(pdfParagraphs(lines(['First line of', 700], ['the paragraph.', 688], ['Second', 664], ['paragraph.', 652]))).toEqual(['First line of the paragraph.', 'Second paragraph.']);
  });

  it('rejoins a word hyphenated at the line end, and keeps the hyphen of a compound broken before a capital or digit', () => {
    expect(pdfParagraphs(lines(['nego-', 700], ['tiations in Baku-', 688], ['Yerevan and 2022-', 676], ['2023.', 664]))).toEqual(['negotiations in Baku-Yerevan and 2022-2023.']);
  });

  it('starts a paragraph at a heading (another font size) and at a new column (text moving up)', () => {
    expect(pdfParagraphs(lines(['Heading', 700, 16], ['Body text', 684], ['goes on.', 672], ['Next column', 700], ['text.', 688]))).toEqual(['Heading', 'Body text goes on.', 'Next column text.']);
  });

  it('puts runs of one line together until pdf.js marks the end of the line', () => {
    const runs: TextRun[] = [
      { str: 'Split', hasEOL: false, transform: [10, 0, 0, 10, 72, 700], height: 10 },
      { str: ' across runs', hasEOL: true, transform: [10, 0, 0, 10, 100, 700], height: 10 },
      { str: '   ', hasEOL: true, transform: [10, 0, 0, 10, 72, 688], height: 10 },
    ];
    expect(pdfParagraphs(runs)).toEqual(['Split across runs']);
  });
});
