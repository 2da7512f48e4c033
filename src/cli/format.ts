/** An aligned plain-text table for terminals; long cells are cut with an ellipsis. */
export function formatTable(headers: string[], rows: (string | number | null)[][], maxWidth = 60): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null ? '—' : String(cell))))].map((row) =>
    row.map((cell) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell)),
  );
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
