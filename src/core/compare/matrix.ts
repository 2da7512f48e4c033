import type { CodeMatrix, CoOccurrence, MatrixBy, PassageFilter } from '../../shared/domain/compare';
import { NO_COLLECTION, NO_COUNTRY, NO_OUTLET } from '../../shared/domain/compare';
import { tagKey } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { distinctValues } from '../db/distinctValues';
import { codePaths, listCodes } from './codes';
import { passageFilterSql, whereClause } from './passageFilter';

/**
 * The code matrix (issue 11): one row per code (parents included, in tree order), one column per
 * outlet, country or collection. A cell counts the passages coded with the code OR A CODE BELOW IT
 * in that column, and the sources they come from, so clicking a cell and filtering Passages by
 * that code and column lists exactly that many passages. A source in two collections counts in both.
 *
 * How it stays under 100 ms at 50,000 passages: joining every coding to its source's row (even
 * through the covering index) cost ~190 ms alone, and counting distinct passages in Sets ~100 ms
 * more. Instead each source's column(s) are read once, as integers, from a small index (each
 * outlet's range of sources_outlet, or each collection's of collection_sources) into an array by
 * source id. The codings are then visited in the order of highlights_source_order (a covering index
 * scan, no sort): a source's rows come together and a passage's rows come together, so a cell
 * counts a passage (or a source) when it differs from the last one the cell counted, in typed arrays.
 *
 * The codings are not read as rows: better-sqlite3 spends about 0.6 µs making each row an array
 * (36 of the 47 ms of reading 58,000 codings; SQLite's own scan and join is 8 ms), and those
 * arrays were the garbage that put the p95 at twice the median. They are counted as SQLite visits
 * them, by a SQL function of ours (`VISIT_CODING`) that takes three integers and allocates
 * nothing. `CROSS JOIN` keeps highlights the outer loop, so the visiting order is the
 * index's; a test compares every cell with counts made from Sets, filters included.
 */

const SPECIAL = new Set([NO_OUTLET, NO_COUNTRY, NO_COLLECTION]);

/** Columns by name, case-insensitively; the "(no …)" column last. */
function orderColumns(columns: string[]): string[] {
  return columns.sort((a, b) => Number(SPECIAL.has(a)) - Number(SPECIAL.has(b)) || a.localeCompare(b, undefined, { sensitivity: 'base' }) || (a < b ? -1 : 1));
}

/** Every source's column(s): `single[sourceId]` is a column index, or -1 with `multi` holding several (collections). */
interface SourceColumns {
  columns: string[];
  single: Int32Array;
  multi: Map<number, number[]>;
}

function sourceColumns(db: Db, by: MatrixBy): SourceColumns {
  const maxId = (db.prepare('SELECT coalesce(max(id), 0) FROM sources').pluck().get() as number) + 1;
  const single = new Int32Array(maxId).fill(-1);
  const multi = new Map<number, number[]>();
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const column = (name: string) => {
    let index = indexOf.get(name);
    if (index === undefined) indexOf.set(name, (index = names.push(name) - 1));
    return index;
  };
  // The ids of each outlet's sources, a range of sources_outlet each: integers only (reading
  // (id, outlet) pairs made 100,000 strings and cost 7 times as much).
  const byOutlet = (assign: (outlet: string | null) => number) => {
    const outlets = distinctValues(db, 'outlet');
    const named = db.prepare('SELECT id FROM sources INDEXED BY sources_outlet WHERE outlet = ?').pluck();
    const none = db.prepare('SELECT id FROM sources INDEXED BY sources_outlet WHERE outlet IS NULL').pluck();
    for (const outlet of outlets) {
      const index = assign(outlet);
      for (const id of (outlet === null ? none.all() : named.all(outlet)) as number[]) single[id] = index;
    }
  };
  if (by === 'outlet') byOutlet((outlet) => column(outlet ?? NO_OUTLET));
  else if (by === 'country') {
    const countries = new Map(db.prepare('SELECT name, country FROM outlets').raw().all() as [string, string | null][]);
    byOutlet((outlet) => column((outlet === null ? null : countries.get(outlet)) ?? NO_COUNTRY));
  } else {
    const members = db.prepare('SELECT source_id FROM collection_sources WHERE collection_id = ?').pluck();
    for (const [collection, name] of db.prepare('SELECT id, name FROM collections').raw().all() as [number, string][]) {
      const index = column(name);
      for (const id of members.all(collection) as number[]) {
        if (id >= maxId) continue;
        if (single[id] === -1 && !multi.has(id)) single[id] = index;
        else {
          const list = multi.get(id) ?? [single[id]!];
          list.push(index);
          multi.set(id, list);
          single[id] = -1;
        }
      }
    }
    const none = db.prepare('SELECT 1 FROM sources s WHERE NOT EXISTS (SELECT 1 FROM collection_sources cs WHERE cs.source_id = s.id) LIMIT 1').get();
    if (none) {
      const index = column(NO_COLLECTION);
      for (const id of db.prepare('SELECT id FROM sources INDEXED BY sources_outlet').pluck().all() as number[]) if (single[id] === -1 && !multi.has(id)) single[id] = index;
    }
  }
  return { columns: names, single, multi };
}

/** The SQL function that hands each coding to `visitCoding` as SQLite visits it. */
const VISIT_CODING = 'marginalia_matrix_visit';
let visitCoding: ((source: number, passage: number, tag: number) => void) | null = null;
const withVisitFunction = new WeakSet<Db>();

function registerVisitFunction(db: Db) {
  if (withVisitFunction.has(db)) return;
  // directOnly: callable from a statement of ours, never from a view or trigger in the file.
  db.function(VISIT_CODING, { directOnly: true }, (source: number, passage: number, tag: number) => {
    visitCoding!(source, passage, tag);
  });
  withVisitFunction.add(db);
}

/**
 * What the matrix reads: every coding the filter keeps, a source's and a passage's rows together
 * (highlights in the order of highlights_source_order, each joined to its tags). Exposed for the
 * benchmark's raw run, which steps the same rows with `SELECT count(*)`.
 */
export function matrixSql(db: Db, filter: PassageFilter = {}) {
  const { conditions, params, impossible } = passageFilterSql(db, filter);
  const from = `
    FROM highlights h INDEXED BY highlights_source_order CROSS JOIN highlight_tags ht ON ht.highlight_id = h.id
    ${whereClause(conditions)}`;
  return { from, params, impossible };
}

/** Calls `visit(source, passage, tag)` for every coding of `matrixSql`, in its order. */
function forEachCoding(db: Db, filter: PassageFilter, visit: (source: number, passage: number, tag: number) => void) {
  const { from, params, impossible } = matrixSql(db, filter);
  if (impossible) return;
  registerVisitFunction(db);
  // Restored, not cleared, so a visit nested in another (none today) leaves the outer one working.
  const outer = visitCoding;
  visitCoding = visit;
  try {
    db.prepare(`SELECT count(${VISIT_CODING}(h.source_id, h.id, ht.tag_id)) ${from}`).pluck().get(...params);
  } finally {
    visitCoding = outer;
  }
}

/** Each tag's rows among `codes`: its own and its ancestors' (a tag outside them has none). */
function rowsOfTags(db: Db, codes: readonly { name: string }[]): Map<number, number[]> {
  const rowOfKey = new Map(codes.map((code, index) => [tagKey(code.name), index]));
  const rows = new Map<number, number[]>();
  for (const [id, key] of db.prepare('SELECT id, name_key FROM tags').raw().all() as [number, string][]) {
    rows.set(id, codePaths(key).map((path) => rowOfKey.get(path)!).filter((row) => row !== undefined));
  }
  return rows;
}

export function codeMatrix(db: Db, by: MatrixBy = 'outlet', filter: PassageFilter = {}): CodeMatrix {
  const { columns: names, single, multi } = sourceColumns(db, by);
  const codes = listCodes(db, { count: false });
  const pathsOfTag = rowsOfTags(db, codes);
  const width = names.length;
  const size = codes.length * width;
  const passageCounts = new Int32Array(size);
  const sourceCounts = new Int32Array(size);
  const lastPassage = new Float64Array(size).fill(-1);
  const lastSource = new Float64Array(size).fill(-1);
  const count = (row: number, column: number, source: number, passage: number) => {
    const cell = row * width + column;
    if (lastPassage[cell] !== passage) {
      lastPassage[cell] = passage;
      passageCounts[cell]! += 1;
    }
    if (lastSource[cell] !== source) {
      lastSource[cell] = source;
      sourceCounts[cell]! += 1;
    }
  };
  forEachCoding(db, filter, (source, passage, tag) => {
    const paths = pathsOfTag.get(tag);
    if (!paths) return;
    const column = source < single.length ? single[source]! : -1;
    const several = column === -1 ? multi.get(source) : undefined;
    for (const row of paths) {
      if (column !== -1) count(row, column, source, passage);
      else if (several) for (const each of several) count(row, each, source, passage);
    }
  });
  const columns = orderColumns([...names]);
  const indexOfName = new Map(names.map((name, index) => [name, index]));
  return {
    by,
    columns,
    rows: codes.map((code, row) => {
      const passages: Record<string, number> = {};
      const sources: Record<string, number> = {};
      for (const column of columns) {
        const cell = row * width + indexOfName.get(column)!;
        passages[column] = passageCounts[cell]!;
        sources[column] = sourceCounts[cell]!;
      }
      return { code: code.name, passages, sources };
    }),
  };
}

/** Code × code: how many passages carry both (each code counting its children). The diagonal is a code's own count. */
export function coOccurrence(db: Db, filter: PassageFilter = {}): CoOccurrence {
  const codes = listCodes(db, { count: false }).map((code) => code.name);
  const rowsOfTag = rowsOfTags(db, codes.map((name) => ({ name })));
  const size = codes.length;
  const pairs = new Int32Array(size * size);
  // A passage's codings come together: its rows (each code with its ancestors, once) are gathered,
  // then every pair of them counted.
  const lastPassage = new Float64Array(size).fill(-1);
  const rows: number[] = [];
  let current = -1;
  const flush = () => {
    for (const a of rows) for (const b of rows) pairs[a * size + b]! += 1;
    rows.length = 0;
  };
  forEachCoding(db, filter, (_source, passage, tag) => {
    if (passage !== current) {
      flush();
      current = passage;
    }
    for (const row of rowsOfTag.get(tag) ?? []) {
      if (lastPassage[row] === passage) continue;
      lastPassage[row] = passage;
      rows.push(row);
    }
  });
  flush();
  const counts: Record<string, Record<string, number>> = {};
  codes.forEach((a, row) => {
    counts[a] = Object.fromEntries(codes.map((b, column) => [b, pairs[row * size + column]!]));
  });
  return { codes, counts };
}
