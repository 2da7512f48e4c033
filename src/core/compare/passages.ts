import type { Passage, PassageFilter, PassagePage, PassageSort } from '../../shared/domain/compare';
import { ApiError } from '../../shared/api/errors';
import type { HighlightColor } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { compareBinary, compareNocase, distinctValues } from '../db/distinctValues';
import { prepared } from '../db/prepared';
import { CITED_SQL, PASSAGE_FROM, passageFilterSql, whereClause } from './passageFilter';

/**
 * Every highlight of the library as a passage with its source's facts (issue 11), filtered, sorted
 * and paged by keyset: the page after a cursor starts right after its last row, however deep.
 *
 * Sort keys never hold NULL (SQL row values would not compare them): undated sources and sources
 * without an outlet sort last through an `IS NULL` key before the value.
 */
const POSITION = ['s.id', 'h.orphaned', 'h.start', 'h.id'];
const DATE = ['s.published_at IS NULL', "coalesce(s.published_at, '')"];
const SORT_KEYS: Record<PassageSort, string[]> = {
  date: [...DATE, ...POSITION],
  outlet: ['s.outlet IS NULL', "coalesce(s.outlet, '') COLLATE NOCASE", "coalesce(s.outlet, '')", ...DATE, ...POSITION],
  country: ['o.country IS NULL', "coalesce(o.country, '')", ...DATE, ...POSITION],
  source: ['s.title COLLATE NOCASE', ...POSITION],
};

export const PASSAGE_PAGE_DEFAULT = 200;

interface PassageRow {
  id: number;
  source_id: number;
  exact: string;
  translation: string | null;
  translation_language: string | null;
  translation_tool: string | null;
  comment: string;
  color: HighlightColor;
  outlet: string | null;
  country: string | null;
  published_at: string | null;
  title: string;
  orphaned: 0 | 1;
  start: number;
  end: number;
  citekey: string;
  author: string | null;
  language: string | null;
  cited: 0 | 1;
  [key: `k${number}`]: string | number;
}

function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
  } catch {
    // fall through
  }
  throw new ApiError('invalid_request', 'That page cursor does not belong to this sort; start again from the first page.');
}

export interface PassageQuery {
  filter?: PassageFilter;
  sort?: PassageSort;
  /** The `next` of the previous page. */
  after?: string | null;
  limit?: number;
  /** False to skip counting every match (total is then null): the CLI reads all pages anyway, and Passages paints its first page before the count. */
  count?: boolean;
}

/**
 * One statement of a page's plan, run in turn until the page is full: the general plan is one; the
 * walk through the outlets (unfilteredByOutlet) one per outlet and part (dated, undated).
 */
export interface PageStep {
  sql: string;
  params: (string | number | null)[];
  /** Kept compiled for the connection (the walk's few texts, run with each outlet); the others vary with the filter and are compiled each time. */
  reuse?: boolean;
  /** A try: if it alone does not fill the page, its rows are dropped and the next step answers instead (filteredByDateProbe). */
  probe?: boolean;
}

/** The SQL of one page (its steps), exposed so the benchmark can run the very same statements raw. */
export function passagePageSql(
  db: Db,
  query: PassageQuery,
): { steps: PageStep[]; probe: PageStep | null; countSql: string; countParams: (string | number)[]; impossible: boolean; keys: string[] } {
  const keys = SORT_KEYS[query.sort ?? 'date'];
  const { conditions, params, impossible } = passageFilterSql(db, query.filter ?? {});
  const pageConditions = [...conditions];
  const pageParams = [...params];
  if (query.after) {
    pageConditions.push(`(${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`);
    pageParams.push(...decodeCursor(query.after, keys.length));
  }
  const limit = query.limit ?? PASSAGE_PAGE_DEFAULT;
  // The conditions read only h (passageFilter.ts), so the count needs no join: every highlight has its source.
  const countSql = `SELECT count(*) FROM highlights h ${whereClause(conditions)}`;
  if ((query.sort ?? 'date') === 'date' && conditions.length === 0) {
    const cursor = query.after ? decodeCursor(query.after, keys.length) : null;
    return { steps: [unfilteredByDate(cursor, limit)], probe: null, countSql, countParams: [], impossible, keys };
  }
  if (query.sort === 'outlet' && conditions.length === 0) {
    const cursor = query.after ? decodeCursor(query.after, keys.length) : null;
    return { steps: unfilteredByOutlet(db, cursor, limit), probe: null, countSql, countParams: [], impossible, keys };
  }
  const sql = `
    SELECT ${PASSAGE_COLUMNS}, ${sortKeyColumns(keys)}
    FROM ${PASSAGE_FROM} ${whereClause(pageConditions)}
    ORDER BY ${keys.join(', ')}
    LIMIT ${Number(limit) + 1}`;
  const probe = (query.sort ?? 'date') === 'date' ? filteredByDateProbe(conditions, params, query.after ? decodeCursor(query.after, keys.length) : null, limit) : null;
  return { steps: [{ sql, params: pageParams }], probe, countSql, countParams: params, impossible, keys };
}

/** Passages the by-date probe reads, in date order, before it gives up (filteredByDateProbe). */
export const PROBE_PASSAGES = 4000;

/**
 * Whether a page tries its probe first (filteredByDateProbe): always when the number of matches is
 * not known (Passages asks for its first page before the count), else when the matches are dense
 * enough that the probe's passages should hold a page and a half of them (the highest id standing
 * for the number of passages: never fewer, so never too eager). A probe that fails costs its
 * filter twice (a common word's full-text list: 5-10 ms).
 */
export function tryProbe(db: Db, matches: number | null, limit: number): boolean {
  if (matches === null) return true;
  const passages = prepared(db, 'SELECT coalesce(max(id), 0) FROM highlights').pluck().get() as number;
  return passages > 0 && (PROBE_PASSAGES * matches) / passages >= 1.5 * (limit + 1);
}

/**
 * A filtered page by date, tried on the next PROBE_PASSAGES passages in date order: the general
 * statement finds every match and sorts them all for one page, which for a filter most passages
 * pass (a common word, a country, a code with many children) cost 25-60 ms at 100,000 articles,
 * where walking the sources by date reads a few pages' worth. The walk (as unfilteredByDate's, on
 * the two covering indexes, after the cursor) takes the next PROBE_PASSAGES passages (about 5 ms:
 * 2,000 were too few for a code or a collection, a tenth of the passages), and the filter then
 * keeps its matches among them. They are the page when more than a page match, since every
 * later match comes after all of them; otherwise (a sparse filter, matches bunched late, or the walk
 * reached the undated sources) they are dropped and the general statement answers (tryProbe says
 * when the try is worth it). Not tried from a cursor among the undated sources (the walk covers
 * dated ones only).
 */
function filteredByDateProbe(conditions: readonly string[], params: readonly (string | number)[], cursor: (string | number)[] | null, limit: number): PageStep | null {
  if (cursor !== null && cursor[0] === 1) return null;
  const after = cursor === null ? '' : ' AND s0.published_at >= ? AND (s0.published_at, s0.id, h0.orphaned, h0.start, h0.id) > (?, ?, ?, ?, ?)';
  const walk = `SELECT h0.id AS walked FROM sources s0 INDEXED BY sources_published_at CROSS JOIN highlights h0 INDEXED BY highlights_source_order ON h0.source_id = s0.id
      WHERE s0.published_at IS NOT NULL${after} ORDER BY s0.published_at, s0.id, h0.orphaned, h0.start, h0.id LIMIT ${PROBE_PASSAGES}`;
  const sql = `
    SELECT ${PAGE_COLUMNS}
    FROM (${walk}) w CROSS JOIN highlights h ON h.id = w.walked JOIN sources s INDEXED BY sources_passage_facts ON s.id = h.source_id LEFT JOIN outlets o ON o.name = s.outlet
    ${whereClause([...conditions])}
    ORDER BY ${SORT_KEYS.date.join(', ')}
    LIMIT ${limit + 1}`;
  return { sql, params: [...(cursor === null ? [] : [cursor[1]!, ...cursor.slice(1)]), ...params], probe: true };
}

/** What every passage row reads, in both statements (the general one and the unfiltered walk by date). */
const PASSAGE_COLUMNS = `h.id, h.source_id, h.exact, h.translation, h.translation_language, h.translation_tool, h.comment, h.color, h.orphaned, h.start, h.end,
      s.outlet, o.country, s.published_at, s.title, s.citekey, s.author, s.language,
      ${CITED_SQL} AS cited`;

const sortKeyColumns = (keys: readonly string[]) => keys.map((key, index) => `${key} AS k${index}`).join(', ');

const PAGE_COLUMNS = `${PASSAGE_COLUMNS}, ${sortKeyColumns(SORT_KEYS.date)}`;

/**
 * Every passage by date, no filter: sorting all 50,000 rows (their keys span highlights and
 * sources) cost ~55 ms a page at 100,000 articles. Instead the sources are walked in date order
 * (sources_published_at) and each one's passages in position order (highlights_source_order), so
 * a page reads about its own rows: the dated sources first, then the undated ones by id, each part
 * stopping at a page, the two sorted together (at most two pages). Same rows, keys and cursors as
 * the general statement.
 */
function unfilteredByDate(cursor: (string | number)[] | null, limit: number): { sql: string; params: (string | number)[] } {
  const from = 'sources s INDEXED BY sources_published_at CROSS JOIN highlights h INDEXED BY highlights_source_order ON h.source_id = s.id LEFT JOIN outlets o ON o.name = s.outlet';
  const order = 'ORDER BY s.published_at, s.id, h.orphaned, h.start, h.id';
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const undated = cursor !== null && cursor[0] === 1;
  if (!undated) {
    const after = cursor === null ? '' : ' AND s.published_at >= ? AND (s.published_at, s.id, h.orphaned, h.start, h.id) > (?, ?, ?, ?, ?)';
    if (cursor !== null) params.push(cursor[1]!, ...cursor.slice(1));
    parts.push(`SELECT * FROM (SELECT ${PAGE_COLUMNS} FROM ${from} WHERE s.published_at IS NOT NULL${after} ${order} LIMIT ${limit + 1})`);
  }
  const afterUndated = undated ? ' AND s.id >= ? AND (s.id, h.orphaned, h.start, h.id) > (?, ?, ?, ?)' : '';
  if (undated) params.push(cursor[2]!, ...cursor.slice(2));
  parts.push(`SELECT * FROM (SELECT ${PAGE_COLUMNS} FROM ${from} WHERE s.published_at IS NULL${afterUndated} ${order} LIMIT ${limit + 1})`);
  const keys = SORT_KEYS.date.map((_, index) => `k${index}`).join(', ');
  return { sql: `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY ${keys} LIMIT ${limit + 1}`, params };
}

/**
 * Every passage by outlet, no filter: sorting all 50,000 rows by their source's outlet cost 42-57 ms
 * a page at 100,000 articles. The sort's order is outlet (NOCASE, then as written; none last),
 * then dated before undated, date, and position: so the outlets are put in that order here (a seek
 * each, distinctValues.ts, compared as SQLite compares), and each outlet's dated sources, then its
 * undated ones, are walked in the order of sources_list_outlet_date with each one's passages in
 * position order, one statement per outlet and part, run in turn until the page is full. The part
 * the cursor is in starts after it; the parts before it are skipped. Same rows, keys and cursors
 * as the general statement.
 */
function unfilteredByOutlet(db: Db, cursor: (string | number)[] | null, limit: number): PageStep[] {
  const outlets = distinctValues(db, 'outlet');
  const named = (outlets.filter((outlet) => outlet !== null) as string[]).sort((a, b) => compareNocase(a, b) || compareBinary(a, b));
  // Each part's place in the order: [no outlet, the outlet, undated], as the sort's first keys hold it.
  const parts: { outlet: string | null; undated: boolean }[] = [];
  for (const outlet of [...named, ...(outlets.includes(null) ? [null] : [])]) parts.push({ outlet, undated: false }, { outlet, undated: true });
  const comparePart = (part: { outlet: string | null; undated: boolean }, [noOutlet, , outlet, undated]: (string | number)[]): number => {
    const own = part.outlet ?? '';
    return Number(part.outlet === null) - Number(noOutlet) || compareNocase(own, String(outlet)) || compareBinary(own, String(outlet)) || Number(part.undated) - Number(undated);
  };
  const from = 'sources s INDEXED BY sources_list_outlet_date CROSS JOIN highlights h INDEXED BY highlights_source_order ON h.source_id = s.id LEFT JOIN outlets o ON o.name = s.outlet';
  const order = "ORDER BY coalesce(s.published_at, ''), s.id, h.orphaned, h.start, h.id";
  const columns = `${PASSAGE_COLUMNS}, ${sortKeyColumns(SORT_KEYS.outlet)}`;
  const steps: PageStep[] = [];
  for (const part of parts) {
    const place = cursor === null ? 1 : comparePart(part, cursor);
    if (place < 0) continue;
    const dated = part.undated ? 's.published_at IS NULL' : 's.published_at IS NOT NULL';
    const after = place === 0 ? " AND (coalesce(s.published_at, ''), s.id, h.orphaned, h.start, h.id) > (?, ?, ?, ?, ?)" : '';
    steps.push({
      sql: `SELECT ${columns} FROM ${from} WHERE s.outlet IS ? AND ${dated}${after} ${order} LIMIT ${limit + 1}`,
      params: [part.outlet, ...(place === 0 ? cursor!.slice(4) : [])],
      reuse: true,
    });
  }
  return steps;
}

export function queryPassages(db: Db, query: PassageQuery = {}): PassagePage {
  const { steps, probe, countSql, countParams, impossible, keys } = passagePageSql(db, query);
  if (impossible) return { passages: [], next: null, total: query.count === false ? null : 0 };
  const limit = query.limit ?? PASSAGE_PAGE_DEFAULT;
  // Counted first when asked for: the count says whether the probe is worth trying.
  const total = query.count === false ? null : (db.prepare(countSql).pluck().get(...countParams) as number);
  const rows = runPageSteps(db, probe && tryProbe(db, total, limit) ? [probe, ...steps] : steps, limit) as PassageRow[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const codes = codesOf(db, page.map((row) => row.id));
  const passages: Passage[] = page.map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    exact: row.exact,
    translation: row.translation === null ? null : { text: row.translation, language: row.translation_language!, tool: row.translation_tool },
    codes: codes.get(row.id) ?? [],
    comment: row.comment,
    color: row.color,
    outlet: row.outlet,
    country: row.country,
    publishedAt: row.published_at,
    title: row.title,
    orphaned: row.orphaned === 1,
    start: row.start,
    end: row.end,
    citekey: row.citekey,
    author: row.author,
    language: row.language,
    cited: row.cited === 1,
  }));
  const last = page.at(-1);
  const next = more && last ? Buffer.from(JSON.stringify(keys.map((_, index) => last[`k${index}`]))).toString('base64url') : null;
  return { passages, next, total };
}

/** A page's rows: its plan's statements run in turn until there is one row more than the page holds (or none is left); a probe counts only if it fills the page alone. */
function runPageSteps(db: Db, steps: readonly PageStep[], limit: number): unknown[] {
  const rows: unknown[] = [];
  for (const step of steps) {
    const got = (step.reuse ? prepared(db, step.sql) : db.prepare(step.sql)).all(...step.params);
    if (step.probe) {
      if (got.length > limit) return got.slice(0, limit + 1);
      continue;
    }
    for (const row of got) rows.push(row);
    if (rows.length > limit) break;
  }
  return rows.slice(0, limit + 1);
}

/** How many passages match the filter (what every page together lists). */
export function countPassages(db: Db, filter: PassageFilter = {}): number {
  const { countSql, countParams, impossible } = passagePageSql(db, { filter });
  return impossible ? 0 : (db.prepare(countSql).pluck().get(...countParams) as number);
}

/** Every passage matching the filter, all pages (the CLI and exports). */
export function allPassages(db: Db, filter: PassageFilter = {}, sort: PassageSort = 'date'): Passage[] {
  const passages: Passage[] = [];
  let after: string | null = null;
  do {
    const page = queryPassages(db, { filter, sort, after, limit: 1000, count: false });
    passages.push(...page.passages);
    after = page.next;
  } while (after !== null);
  return passages;
}

/** Code names of these highlights, each list sorted case-insensitively, in one query. */
function codesOf(db: Db, ids: readonly number[]): Map<number, string[]> {
  const codes = new Map<number, string[]>();
  if (ids.length === 0) return codes;
  const rows = db
    .prepare(
      `SELECT ht.highlight_id AS id, t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
       WHERE ht.highlight_id IN (SELECT value FROM json_each(?)) ORDER BY t.name_key`,
    )
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
  for (const { id, name } of rows) {
    const list = codes.get(id);
    if (list) list.push(name);
    else codes.set(id, [name]);
  }
  return codes;
}
