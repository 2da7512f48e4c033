import type { ReanchorReport } from '../../../../shared/domain/highlight';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What a correction did to the source's highlights, in words: "3 highlights kept, 1 moved,
 * 1 orphaned". "Kept" are where they were; "moved" were found elsewhere in the new text; "adjusted"
 * were found with edited words; "orphaned" could not be found (listed under "Orphaned highlights").
 */
export function reanchorSummary(report: ReanchorReport): string {
  const total = report.exact + report.moved + report.fuzzy + report.orphaned;
  if (total === 0) return 'This source has no highlights.';
  const parts = [`${plural(report.exact, 'highlight', 'highlights')} kept`];
  if (report.moved > 0) parts.push(`${report.moved} moved`);
  if (report.fuzzy > 0) parts.push(`${report.fuzzy} adjusted to edited words`);
  if (report.orphaned > 0) parts.push(`${report.orphaned} orphaned`);
  return `${parts.join(', ')}.`;
}
