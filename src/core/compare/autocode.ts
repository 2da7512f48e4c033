import type { AutocodeResult, AutocodeUnit } from '../../shared/domain/compare';
import { normalizeCodeName } from '../../shared/domain/compare';
import type { HighlightColor } from '../../shared/domain/highlight';
import { ApiError } from '../../shared/api/errors';
import { foldSearchText } from '../../shared/search/fold';
import { parseQuery } from '../../shared/search/parseQuery';
import { sentenceEnd } from '../../shared/text/sentences';
import type { Db } from '../db/db';
import { anchorSelection, deleteHighlight, insertHighlight } from '../highlights/highlights';
import { buildMatch } from '../search/buildMatch';
import { sourceKind } from '../search/searchKinds';
import { SEARCH_TOKENIZER } from '../search/searchIndex';
import { writeTransaction } from '../db/writeTransaction';

/**
 * Coding by search (issue 11): every sentence (or paragraph) of the library that matches a search
 * query becomes a highlight with the chosen code, all in one transaction, so the batch is reviewed
 * in Passages and undone as one step (undoAutocode with the returned ids).
 *
 * A unit "matches" exactly as search would match it: the units of the sources the index finds are
 * put, folded, into a temporary FTS5 table with the index's own tokenizer and searched with the same
 * MATCH expression. A unit that already is a highlight (same source and range) is skipped.
 */
export const AUTOCODE_MAX = 5000;

/** [start, end) of each non-blank unit, trimmed of surrounding white space. */
export function units(body: string, unit: AutocodeUnit): [number, number][] {
  const ranges: [number, number][] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(body[start]!)) start++;
    while (end > start && /\s/u.test(body[end - 1]!)) end--;
    if (end > start) ranges.push([start, end]);
  };
  if (unit === 'paragraph') {
    let start = 0;
    for (const match of body.matchAll(/\n\s*\n|\n/gu)) {
      push(start, match.index);
      start = match.index + match[0].length;
    }
    push(start, body.length);
  } else {
    // Sentences never run across a line break: a title line or a paragraph ends one.
    for (const [paraStart, paraEnd] of units(body, 'paragraph')) {
      const paragraph = body.slice(paraStart, paraEnd);
      for (let start = 0; start < paragraph.length; ) {
        const end = sentenceEnd(paragraph, start);
        push(paraStart + start, paraStart + end);
        start = end;
      }
    }
  }
  return ranges;
}

const NO_FIELDS = { text: ['body'], outlet: null, author: null, tag: null } as const;

export function autocode(db: Db, input: { query: string; code: string; unit?: AutocodeUnit; color?: HighlightColor }): AutocodeResult {
  const code = normalizeCodeName(input.code);
  if (code === '') throw new ApiError('invalid_request', 'Give the code to apply, e.g. --code framing/blockade-denial.');
  const parsed = parseQuery(input.query);
  const match = buildMatch(parsed, NO_FIELDS, db);
  if (match === null) throw new ApiError('invalid_request', `"${input.query}" has no words to search for (outlet:, author: and tag: do not apply to sentences).`);
  const sourceMatch = buildMatch(parsed, sourceKind.fields, db) ?? match;
  return writeTransaction(db, () => {
    const sourceIds = db.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rowid').pluck().all(sourceMatch) as number[];
    // The unit's folded text, as the index holds a source's body (the spellings of each key come from search_key_terms).
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.autocode_units USING fts5(body, tokenize = "${SEARCH_TOKENIZER}")`);
    const insertUnit = db.prepare('INSERT INTO temp.autocode_units (rowid, body) VALUES (?, ?)');
    const matching = db.prepare('SELECT rowid FROM temp.autocode_units WHERE autocode_units MATCH ? ORDER BY rowid');
    const existing = db.prepare('SELECT 1 FROM highlights WHERE source_id = ? AND start = ? AND end = ?');
    const highlights: AutocodeResult['highlights'] = [];
    let skipped = 0;
    for (const sourceId of sourceIds) {
      const body = db.prepare('SELECT body FROM sources WHERE id = ?').pluck().get(sourceId) as string;
      const ranges = units(body, input.unit ?? 'sentence');
      db.exec('DELETE FROM temp.autocode_units');
      ranges.forEach(([start, end], index) => {
        const folded = foldSearchText(body.slice(start, end));
        insertUnit.run(index + 1, folded);
      });
      for (const rowid of matching.pluck().all(match) as number[]) {
        const [start, end] = ranges[rowid - 1]!;
        if (existing.get(sourceId, start, end)) {
          skipped++;
          continue;
        }
        if (highlights.length >= AUTOCODE_MAX) throw new ApiError('invalid_request', `"${input.query}" matches more than ${AUTOCODE_MAX} ${input.unit ?? 'sentence'}s. Narrow the search.`);
        const anchor = anchorSelection(body, sourceId, start, end);
        const highlightId = insertHighlight(db, { sourceId, anchor, orphaned: false, color: input.color ?? 'yellow', comment: '', tags: [code] });
        highlights.push({ highlightId, sourceId, exact: anchor.exact });
      }
    }
    db.exec('DELETE FROM temp.autocode_units');
    return { highlights, skipped };
  });
}

/** Undoes a batch of coding by search: deletes those highlights, all or none. */
export function undoAutocode(db: Db, highlightIds: readonly number[]): { deleted: number } {
  return writeTransaction(db, () => {
    for (const id of highlightIds) deleteHighlight(db, id);
    return { deleted: highlightIds.length };
  });
}
