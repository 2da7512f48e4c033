/**
 * The canonical body every offset in the library refers to: Unicode NFC, `\n` line ends, no BOM,
 * no trailing spaces on lines, no blank lines at either end, at most one blank line between
 * paragraphs. Highlights count UTF-16 code units in exactly this string.
 */
export function canonicalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A paragraph of the canonical body with the offset of its first character. */
export interface Paragraph {
  start: number;
  text: string;
}

/** Splits a canonical body into paragraphs: every non-empty line is one (seed 002 has no blank lines). */
export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const line of body.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ start, text: line });
    start += line.length + 1;
  }
  return paragraphs;
}
