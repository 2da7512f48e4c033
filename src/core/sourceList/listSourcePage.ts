import type { ListSort, SourceCursor, SourcePage, SourcePageRequest } from '../../shared/domain/sourceList';
import { defaultDirection, SourcePageRequest as SourcePageRequestSchema } from '../../shared/domain/sourceList';
import type { Db } from '../db/db';
import { distinctValues } from '../db/distinctValues';
import { prepared } from '../db/prepared';
import type { SourceSummaryRow } from '../sources';
import { toSummary } from '../sources';
import { andWhere, sourceFilterSql } from './sourceFilterSql';

/**
 * Each sort key exactly as the indexes of migration 10 (src/core/db/migrations/migration10SourceList.ts) are built, never null, so a page is
 * one range read of an index, from the last row's (key, id) on. Unknown outlets and authors ('')
 * come first A to Z, undated sources last newest first.
 */
const SORT_KEYS: Record<ListSort, string> = {
  date: "coalesce(published_at, '')",
  title: 'title COLLATE NOCASE',
  outlet: "coalesce(outlet, '') COLLATE NOCASE",
  author: "coalesce(author, '') COLLATE NOCASE",
};

interface Row extends SourceSummaryRow {
  sort_value: string;
}

/** Sources matching a filter (the rows a "select all" acts on). */
export function countSourcesMatching(db: Db, where: string, params: Record<string, string | number>): number {
  return (prepared(db, `SELECT count(*) AS n FROM sources ${where}`).get(params) as { n: number }).n;
}

/** The statement of one page (exported so a test can check the planner seeks an index). */
export function sourcePageSql(db: Db, request: ReturnType<typeof SourcePageRequestSchema.parse>): { sql: string; params: Record<string, string | number> } {
  const key = SORT_KEYS[request.sort];
  const direction = request.direction ?? defaultDirection(request.sort);
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  const filter = sourceFilterSql(db, request);
  let where = filter.where;
  const params: Record<string, string | number> = { ...filter.params, limit: request.limit + 1 };
  let offset = '';
  if (request.after !== null) {
    // Written out rather than as a row value `(key, id) > (?, ?)`, which SQLite answers by scanning
    // the index from its start; `key >= ?` seeks to the cursor (EXPLAIN: SEARCH … (<expr>>?)).
    const [past, atOrPast] = direction === 'asc' ? ['>', '>='] : ['<', '<='];
    where = andWhere(where, `${key} ${atOrPast} @afterValue AND (${key} ${past} @afterValue OR id ${past} @afterId)`);
    params.afterValue = request.after.value;
    params.afterId = request.after.id;
  } else if (request.offset > 0) {
    offset = ' OFFSET @offset';
    params.offset = request.offset;
  }
  const sql = `SELECT id, title, outlet, author, published_at, url, language, citekey, title_derived, ${key} AS sort_value
     FROM sources ${where} ORDER BY ${key} ${order}, id ${order} LIMIT @limit${offset}`;
  return { sql, params };
}

/** One page of the library list, sorted and filtered in SQL, with the counts the list shows. */
export function listSourcePage(db: Db, raw: SourcePageRequest = {}): SourcePage {
  const request = SourcePageRequestSchema.parse(raw);
  const { sql, params } = sourcePageSql(db, request);
  const rows = prepared(db, sql).all(params) as Row[];
  const more = rows.length > request.limit;
  const page = more ? rows.slice(0, request.limit) : rows;
  const last = page.at(-1);
  const next: SourceCursor | null = more && last ? { value: last.sort_value, id: last.id } : null;
  const filter = sourceFilterSql(db, request);
  return {
    sources: page.map(toSummary),
    next,
    total: countSourcesMatching(db, filter.where, filter.params),
    libraryTotal: (prepared(db, 'SELECT count(*) AS n FROM sources').get() as { n: number }).n,
  };
}

export function listLanguages(db: Db): string[] {
  return distinctValues(db, 'language', { withNull: false }) as string[];
}
