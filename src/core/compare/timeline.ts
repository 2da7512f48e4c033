import type { Timeline, TimelineLane, TimelineMark } from '../../shared/domain/compare';
import { NO_COUNTRY, NO_OUTLET, TIMELINE_MAX_MARKS } from '../../shared/domain/compare';
import type { Db } from '../db/db';

export interface TimelineOptions {
  by?: 'outlet' | 'country';
  after?: string;
  before?: string;
  /** Only sources with at least one passage (a large library's timeline stays readable). */
  codedOnly?: boolean;
  /** Marks per lane at most (the axis is cut into this many stretches); TIMELINE_MAX_MARKS. */
  maxMarks?: number;
}

const DAY = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Days per mark for an axis from `from` to `to` (inclusive): a day while the range fits `maxMarks` marks. */
export function bucketDaysFor(from: string, to: string, maxMarks = TIMELINE_MAX_MARKS): number {
  return Math.max(1, Math.ceil((dayNumber(to) - dayNumber(from) + 1) / Math.max(1, maxMarks)));
}

/**
 * The statements the timeline reads, exposed for the benchmark's raw run. `rangeSql` finds the
 * first and last dates shown (params: `params` twice); the rest take `[from, bucketDays,
 * ...params]` (`undatedSql`: no params), so every count is grouped by SQLite, not in JavaScript:
 * the timeline returns at most `maxMarks` marks per lane however many sources it covers.
 */
export function timelineSql(options: TimelineOptions = {}) {
  const by = options.by ?? 'outlet';
  const lane = by === 'outlet' ? `coalesce(s.outlet, '${NO_OUTLET}')` : `coalesce(o.country, '${NO_COUNTRY}')`;
  const join = by === 'country' ? 'LEFT JOIN outlets o ON o.name = s.outlet' : '';
  const range: string[] = [];
  const params: string[] = [];
  if (options.after) {
    range.push('s.published_at >= ?');
    params.push(options.after);
  }
  if (options.before) {
    range.push('s.published_at <= ?');
    params.push(options.before);
  }
  const coded = 'EXISTS (SELECT 1 FROM highlights h2 INDEXED BY highlights_source_order WHERE h2.source_id = s.id)';
  const dated = ['s.published_at IS NOT NULL', ...range, ...(options.codedOnly ? [coded] : [])].join(' AND ');
  // The stretch of the axis a date falls in: whole days after the first date, over days per mark.
  // (Days per mark is cast: a JavaScript number binds as a real, and the division would not truncate.)
  const bucket = 'CAST(julianday(s.published_at) - julianday(?) AS INTEGER) / CAST(? AS INTEGER)';
  const end = (order: 'ASC' | 'DESC') => `(SELECT s.published_at FROM sources s INDEXED BY sources_published_at WHERE ${dated} ORDER BY s.published_at ${order} LIMIT 1)`;
  return {
    by,
    params,
    // sources_published_at walks from either end to the first date shown: no scan of the rest.
    rangeSql: `SELECT ${end('ASC')}, ${end('DESC')}`,
    // One row per lane and stretch: its sources, first and last dates, and its smallest source id
    // (the source itself when it is alone). sources_passage_facts covers id, date and outlet.
    marksSql: `SELECT ${lane} AS lane, ${bucket} AS bucket, count(*), min(s.published_at), max(s.published_at), min(s.id) FROM sources s INDEXED BY sources_passage_facts ${join} WHERE ${dated} GROUP BY lane, bucket`,
    passagesSql: `SELECT ${lane} AS lane, ${bucket} AS bucket, count(*) FROM highlights h INDEXED BY highlights_source_order JOIN sources s INDEXED BY sources_passage_facts ON s.id = h.source_id ${join} WHERE ${dated} GROUP BY lane, bucket`,
    codesSql: `SELECT ${lane} AS lane, ${bucket} AS bucket, t.name, count(*) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id JOIN highlights h ON h.id = ht.highlight_id JOIN sources s INDEXED BY sources_passage_facts ON s.id = h.source_id ${join} WHERE ${dated} GROUP BY lane, bucket, ht.tag_id`,
    // sources_published_at finds the NULLs without reading the other rows.
    undatedSql: `SELECT ${lane} AS lane, count(*) FROM sources s INDEXED BY sources_published_at ${join} WHERE s.published_at IS NULL${options.codedOnly ? ` AND ${coded}` : ''} GROUP BY lane`,
    singlesSql: 'SELECT id, title, published_at FROM sources WHERE id IN (SELECT value FROM json_each(?))',
  };
}

/**
 * The timeline (issue 11): lanes by outlet or country, each with at most `maxMarks` marks (the
 * sources of one stretch of the axis, a day when the range is short), their passages counted per
 * code; a mark of one source names it. Undated sources cannot be placed: each lane counts its own.
 */
export function timeline(db: Db, options: TimelineOptions = {}): Timeline {
  const sql = timelineSql(options);
  const { by, params } = sql;
  const [from, to] = db.prepare(sql.rangeSql).raw().get(...params, ...params) as [string | null, string | null];
  const bucketDays = from && to ? bucketDaysFor(from, to, options.maxMarks) : 1;
  const lanes = new Map<string, TimelineLane>();
  const laneOf = (name: string): TimelineLane => {
    let entry = lanes.get(name);
    if (!entry) lanes.set(name, (entry = { name, sourceCount: 0, undatedCount: 0, marks: [] }));
    return entry;
  };
  const marks = new Map<string, TimelineMark>();
  const singles = new Map<number, TimelineMark>();
  let sourceCount = 0;
  if (from && to) {
    const grouped = [from, bucketDays, ...params];
    for (const [lane, bucket, count, first, last, minId] of db.prepare(sql.marksSql).raw().all(...grouped) as [string, number, number, string, string, number][]) {
      const mark: TimelineMark = { from: first, to: last, sourceCount: count, passageCount: 0, codes: [], source: null };
      marks.set(`${bucket}\u0000${lane}`, mark);
      if (count === 1) singles.set(minId, mark);
      const entry = laneOf(lane);
      entry.marks.push(mark);
      entry.sourceCount += count;
      sourceCount += count;
    }
    for (const [lane, bucket, count] of db.prepare(sql.passagesSql).raw().all(...grouped) as [string, number, number][]) {
      const mark = marks.get(`${bucket}\u0000${lane}`);
      if (mark) mark.passageCount = count;
    }
    for (const [lane, bucket, code, count] of db.prepare(sql.codesSql).raw().all(...grouped) as [string, number, string, number][]) {
      marks.get(`${bucket}\u0000${lane}`)?.codes.push({ code, passages: count });
    }
    if (singles.size > 0) {
      for (const [id, title, publishedAt] of db.prepare(sql.singlesSql).raw().all(JSON.stringify([...singles.keys()])) as [number, string, string][]) {
        singles.get(id)!.source = { id, title, publishedAt };
      }
    }
  }
  let undatedCount = 0;
  for (const [lane, count] of db.prepare(sql.undatedSql).raw().all() as [string, number][]) {
    laneOf(lane).undatedCount = count;
    undatedCount += count;
  }
  for (const lane of lanes.values()) {
    lane.marks.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const mark of lane.marks) mark.codes.sort((a, b) => b.passages - a.passages || a.code.localeCompare(b.code));
  }
  const special = (name: string) => name === NO_OUTLET || name === NO_COUNTRY;
  return {
    by,
    lanes: [...lanes.values()].sort((a, b) => Number(special(a.name)) - Number(special(b.name)) || a.name.localeCompare(b.name)),
    from,
    to,
    bucketDays,
    sourceCount,
    undatedCount,
  };
}
