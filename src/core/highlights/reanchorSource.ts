import { createAnchor, rangeProblem } from '../../shared/anchoring/anchor';
import { editShift } from '../../shared/anchoring/editShift';
import { reanchor } from '../../shared/anchoring/reanchor';
import type { ReanchorReport } from '../../shared/domain/highlight';
import { ApiError } from '../../shared/api/errors';
import { canonicalizeText } from '../../shared/text/canonical';
import type { Db } from '../db/db';
import { reindexHighlight } from '../search/searchIndex';
import { setSourceBody } from '../sources';
import type { HighlightRow } from './highlightRows';
import { requireSourceBody } from './highlightRows';
import { writeTransaction } from '../db/writeTransaction';

type AnchorRow = Pick<HighlightRow, 'id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'orphaned'>;

/**
 * Replaces a source's body (a correction, or a corrected version re-imported onto it) and
 * re-anchors every one of its highlights, in ONE transaction: nobody ever sees the new text with
 * the old offsets. A highlight found again gets its new offsets and selectors (an edited quote
 * takes the corrected words); one that cannot be found is kept, orphaned, with its old quote so
 * that a later correction may still find it. Orphans are tried again too.
 */
export function reanchorSource(db: Db, sourceId: number, newBody: string): ReanchorReport {
  const body = canonicalizeText(newBody);
  if (body.trim() === '') throw new ApiError('invalid_request', `The new text of source ${sourceId} is empty. A source keeps its text; delete the source instead.`);
  return writeTransaction(db, () => {
    const expectedPlace = editShift(requireSourceBody(db, sourceId), body);
    setSourceBody(db, sourceId, body);
    const rows = db.prepare('SELECT id, start, end, exact, prefix, suffix, orphaned FROM highlights WHERE source_id = ? ORDER BY id').all(sourceId) as AnchorRow[];
    const place = db.prepare('UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, updated_at = ? WHERE id = ?');
    const orphan = db.prepare('UPDATE highlights SET orphaned = 1, updated_at = ? WHERE id = ?');
    const now = new Date().toISOString();
    const report: ReanchorReport = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, highlights: [] };
    for (const row of rows) {
      const found = reanchor(body, row, expectedPlace(row));
      // A fuzzy match is never white space alone, but a highlight must not become one if it were.
      const status = found.status !== 'orphaned' && rangeProblem(body, found.start, found.end) !== null ? 'orphaned' : found.status;
      if (status === 'orphaned') {
        if (row.orphaned === 0) orphan.run(now, row.id);
      } else {
        const anchor = createAnchor(body, found.start, found.end);
        const unchanged =
          row.orphaned === 0 && anchor.start === row.start && anchor.end === row.end && anchor.exact === row.exact && anchor.prefix === row.prefix && anchor.suffix === row.suffix;
        if (!unchanged) {
          place.run(anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix, now, row.id);
          if (anchor.exact !== row.exact) reindexHighlight(db, row.id);
        }
      }
      report[status] += 1;
      report.highlights.push({ id: row.id, status });
    }
    return report;
  });
}
