import type { CodeMatrix, CoOccurrence, MatrixBy, PassageFilter } from '../../shared/domain/compare';
import { NO_COLLECTION, NO_COUNTRY, NO_OUTLET } from '../../shared/domain/compare';
import { tagKey } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { codePaths, listCodes } from './codes';
import { PASSAGE_FROM, passageFilterSql, whereClause } from './passageFilter';

/**
 * The code matrix (issue 11): one row per code (parents included, in tree order), one column per
 * outlet, country or collection. A cell counts the passages coded with the code OR A CODE BELOW IT
 * in that column, and the sources they come from, so clicking a cell and filtering Passages by
 * that code and column lists exactly that many passages. A source in two collections counts in both.
 */
const COLUMN_SQL: Record<MatrixBy, { value: string; join: string; all: string }> = {
  outlet: {
    value: `coalesce(s.outlet, '${NO_OUTLET}')`,
    join: '',
    all: `SELECT DISTINCT coalesce(outlet, '${NO_OUTLET}') FROM sources`,
  },
  country: {
    value: `coalesce(o.country, '${NO_COUNTRY}')`,
    join: '',
    all: `SELECT DISTINCT coalesce(o.country, '${NO_COUNTRY}') FROM sources s INDEXED BY sources_passage_facts LEFT JOIN outlets o ON o.name = s.outlet`,
  },
  collection: {
    value: `coalesce(c.name, '${NO_COLLECTION}')`,
    join: ' LEFT JOIN collection_sources cs ON cs.source_id = s.id LEFT JOIN collections c ON c.id = cs.collection_id',
    all: `SELECT name FROM collections UNION SELECT '${NO_COLLECTION}' WHERE EXISTS (SELECT 1 FROM sources s WHERE NOT EXISTS (SELECT 1 FROM collection_sources cs WHERE cs.source_id = s.id))`,
  },
};

const SPECIAL = new Set([NO_OUTLET, NO_COUNTRY, NO_COLLECTION]);

/** Columns by name, case-insensitively; the "(no …)" column last. */
function orderColumns(columns: string[]): string[] {
  return columns.sort((a, b) => Number(SPECIAL.has(a)) - Number(SPECIAL.has(b)) || a.localeCompare(b, undefined, { sensitivity: 'base' }) || (a < b ? -1 : 1));
}

/** The statement the matrix reads, exposed for the benchmark's raw run. */
export function matrixSql(by: MatrixBy, filter: PassageFilter = {}) {
  const column = COLUMN_SQL[by];
  const { conditions, params, impossible } = passageFilterSql(filter);
  const sql = `
    SELECT ht.highlight_id AS h, h.source_id AS s, t.name_key AS key, ${column.value} AS col
    FROM ${PASSAGE_FROM}${column.join} JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id
    ${whereClause(conditions)}`;
  return { sql, params, impossible, columnsSql: column.all };
}

export function codeMatrix(db: Db, by: MatrixBy = 'outlet', filter: PassageFilter = {}): CodeMatrix {
  const { sql, params, impossible, columnsSql } = matrixSql(by, filter);
  const columns = orderColumns(db.prepare(columnsSql).pluck().all() as string[]);
  const codes = listCodes(db);
  const cells = new Map<string, Map<string, { passages: Set<number>; sources: Set<number> }>>();
  const rows = impossible ? [] : (db.prepare(sql).all(...params) as { h: number; s: number; key: string; col: string }[]);
  for (const row of rows) {
    for (const path of codePaths(row.key)) {
      let byColumn = cells.get(path);
      if (!byColumn) cells.set(path, (byColumn = new Map()));
      let cell = byColumn.get(row.col);
      if (!cell) byColumn.set(row.col, (cell = { passages: new Set(), sources: new Set() }));
      cell.passages.add(row.h);
      cell.sources.add(row.s);
    }
  }
  return {
    by,
    columns,
    rows: codes.map((code) => {
      const byColumn = cells.get(tagKey(code.name));
      const passages: Record<string, number> = {};
      const sources: Record<string, number> = {};
      for (const column of columns) {
        passages[column] = byColumn?.get(column)?.passages.size ?? 0;
        sources[column] = byColumn?.get(column)?.sources.size ?? 0;
      }
      return { code: code.name, passages, sources };
    }),
  };
}

/** Code × code: how many passages carry both (each code counting its children). The diagonal is a code's own count. */
export function coOccurrence(db: Db, filter: PassageFilter = {}): CoOccurrence {
  const { conditions, params, impossible } = passageFilterSql(filter);
  const codes = listCodes(db).map((code) => code.name);
  const nameByKey = new Map(codes.map((name) => [tagKey(name), name]));
  const rows = impossible
    ? []
    : (db
        .prepare(`SELECT ht.highlight_id AS h, t.name_key AS key FROM ${PASSAGE_FROM} JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id ${whereClause(conditions)} ORDER BY ht.highlight_id`)
        .all(...params) as { h: number; key: string }[]);
  const counts: Record<string, Record<string, number>> = {};
  for (const name of codes) counts[name] = Object.fromEntries(codes.map((other) => [other, 0]));
  const flush = (keys: Set<string>) => {
    const names = [...keys].map((key) => nameByKey.get(key)!).filter(Boolean);
    for (const a of names) for (const b of names) counts[a]![b]! += 1;
  };
  let current = -1;
  let keys = new Set<string>();
  for (const row of rows) {
    if (row.h !== current) {
      flush(keys);
      keys = new Set();
      current = row.h;
    }
    for (const path of codePaths(row.key)) keys.add(path);
  }
  flush(keys);
  return { codes, counts };
}
