/**
 * Bidi controls: embeddings and overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI) and
 * the marks (LRM RLM ALM). In a title or an outlet they are input: an RLO there would turn every
 * column after it around on a terminal that does bidi, so a table prints none of them (issue 14).
 * The letters themselves stay; an Urdu title still reads right to left within its cell.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** One line of plain text: no bidi controls, no line breaks or tabs to break the row. */
function cellText(cell: string | number | null): string {
  return cell === null ? '—' : String(cell).replace(BIDI_CONTROLS, '').replace(/[\t\r\n]+/g, ' ');
}

/** An aligned plain-text table for terminals; long cells are cut with an ellipsis. */
export function formatTable(headers: string[], rows: (string | number | null)[][], maxWidth = 60): string {
  const cells = [headers, ...rows].map((row) =>
    row.map(cellText).map((cell) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell)),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
