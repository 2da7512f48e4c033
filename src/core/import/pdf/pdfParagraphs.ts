/**
 * pdf.js text items -> paragraphs. A PDF has no paragraphs, only positioned runs of text: lines
 * are the runs up to pdf.js's end-of-line mark, and a new paragraph starts where the gap to the
 * previous line is clearly wider than the page's usual line spacing, the text moves up (a new
 * column), or the font size changes (a heading).
 */
export interface TextRun {
  str: string;
  hasEOL: boolean;
  /** pdf.js's text matrix: [a, b, c, d, x, y]; y grows upwards. */
  transform: number[];
  height: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

const PARAGRAPH_GAP = 1.3;

function toLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const run of runs) {
    if (current === null) current = { text: '', y: run.transform[5] ?? 0, size: Math.abs(run.height || run.transform[3] || 0) };
    current.text += run.str;
    if (run.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() })).filter((line) => line.text !== '');
}

/** The lower median: with few lines (a title, a blank, two lines) the usual spacing is the smaller gap. */
function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * A word broken at the line end ("nego-" / "tiations") is joined without its hyphen when the next
 * line goes on in lower case: in typeset text that is hyphenation far more often than a compound.
 * Before a capital or a digit ("Baku-" / "Yerevan", "2022-" / "2023") the hyphen is the text's own
 * and stays, with no space added.
 */
function joinLines(lines: string[]): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    if (/[\p{L}\p{N}][-\u00AD\u2010]$/u.test(text)) text = /^\p{Ll}/u.test(line) || text.endsWith('\u00AD') ? text.slice(0, -1) + line : text + line;
    else text += ` ${line}`;
  }
  return text;
}

export function pdfParagraphs(runs: readonly TextRun[]): string[] {
  const lines = toLines(runs);
  const gaps = lines.slice(1).map((line, i) => lines[i]!.y - line.y).filter((gap) => gap > 0);
  const leading = lowerMedian(gaps);
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const sizeChanged = previous !== undefined && Math.abs(previous.size - line.size) > 0.15 * Math.max(previous.size, line.size);
    const startsParagraph = !previous || gap <= 0 || gap > PARAGRAPH_GAP * leading || sizeChanged;
    if (startsParagraph) paragraphs.push([line.text]);
    else paragraphs.at(-1)!.push(line.text);
  });
  return paragraphs.map(joinLines);
}
