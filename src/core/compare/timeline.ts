import type { Timeline, TimelineLane, TimelineMark } from '../../shared/domain/compare';
import { NO_COUNTRY, NO_OUTLET, TIMELINE_MAX_MARKS } from '../../shared/domain/compare';
import type { Db } from '../db/db';
import { distinctValues } from '../db/distinctValues';

export interface TimelineOptions {
  by?: 'outlet' | 'country';
  after?: string;
  before?: string;
  /** Only sources with at least one passage (a large library's timeline stays readable). */
  codedOnly?: boolean;
  /** Marks per lane at most (the axis is cut into this many stretches); TIMELINE_MAX_MARKS. */
  maxMarks?: number;
  /** Outlets × stretches past which the marks come from one grouped scan, not a seek each (tests set it). */
  maxSeeks?: number;
}

const DAY = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Days per mark for an axis from `from` to `to` (inclusive): a day while the range fits `maxMarks` marks. */
export function bucketDaysFor(from: string, to: string, maxMarks = TIMELINE_MAX_MARKS): number {
  return Math.max(1, Math.ceil((dayNumber(to) - dayNumber(from) + 1) / Math.max(1, maxMarks)));
}

/** Past this many lane × stretch seeks, the marks are grouped by one scan instead (a library of hundreds of outlets). */
const MAX_SEEKS = 4000;

/**
 * The statements the timeline reads, exposed for the benchmark's raw run. `rangeSql` finds the
 * first and last dates shown (params: `params` twice). Per outlet (distinctValues.ts) and stretch of
 * the axis (params: outlet, first date, day after the last, then `params`), `countSql`, `firstSql`
 * and `lastSql` count the mark's sources and find its first and last, in sources_list_outlet_date
 * (in timeline_passages' rows for tag 0 when only sources with passages count), and `passagesSql` its passages per code, one
 * covering range of timeline_passages (migration 18: per source, its passages (tag 0) and its
 * passages per code, beside its outlet and date). With more outlets than seeks pay for, `marksSql`
 * and `passagesScanSql` group the same in one scan each (params: `[from, bucketDays, ...params]`).
 * `undatedSql` counts an outlet's undated sources (param: the outlet). The timeline returns at most
 * `maxMarks` marks per lane however many sources it covers.
 */
export function timelineSql(options: TimelineOptions = {}) {
  const by = options.by ?? 'outlet';
  const lane = (table: string) => (by === 'outlet' ? `coalesce(${table}.outlet, '${NO_OUTLET}')` : `coalesce(o.country, '${NO_COUNTRY}')`);
  const join = (table: string) => (by === 'country' ? `LEFT JOIN outlets o ON o.name = ${table}.outlet` : '');
  const range: string[] = [];
  const params: string[] = [];
  if (options.after) {
    range.push('published_at >= ?');
    params.push(options.after);
  }
  if (options.before) {
    range.push('published_at <= ?');
    params.push(options.before);
  }
  const inRange = (table: string) => range.map((condition) => ` AND ${table}.${condition}`).join('');
  const coded = 'EXISTS (SELECT 1 FROM highlights h2 INDEXED BY highlights_source_order WHERE h2.source_id = s.id)';
  const datedInRange = `s.published_at IS NOT NULL${inRange('s')}`;
  const dated = options.codedOnly ? `${datedInRange} AND ${coded}` : datedInRange;
  // The stretch of the axis a date falls in: whole days after the first date, over days per mark.
  // (Days per mark is cast: a JavaScript number binds as a real, and the division would not truncate.)
  const bucket = (table: string) => `CAST(julianday(${table}.published_at) - julianday(?) AS INTEGER) / CAST(? AS INTEGER)`;
  const end = (order: 'ASC' | 'DESC') => `(SELECT s.published_at FROM sources s INDEXED BY sources_published_at WHERE ${dated} ORDER BY s.published_at ${order} LIMIT 1)`;
  // The date as sources_list_outlet_date holds it (the expression, so the index covers the seek).
  const day = "coalesce(s.published_at, '')";
  const seekRange = range.map((condition) => ` AND ${condition.replace('published_at', day)}`).join('');
  const sourceStretch = `s.outlet IS ? AND ${day} >= ? AND ${day} < ?${seekRange}`;
  const passages = 'timeline_passages p INDEXED BY timeline_passages_lane';
  const stretch = `p.outlet IS ? AND p.published_at >= ? AND p.published_at < ?${inRange('p')}`;
  return {
    by,
    params,
    // sources_published_at walks from either end to the first date shown: no scan of the rest.
    rangeSql: `SELECT ${end('ASC')}, ${end('DESC')}`,
    // One outlet's sources in one stretch: how many (a range of the index read, nothing computed per
    // row), then the first (its date, and its id: the source itself when it is alone) and the last
    // date, each a seek to one end of the range. (count, min, max and min(id) over the range cost
    // half as much again: each is paid on every one of 95,000 rows at 100,000 articles.)
    countSql: options.codedOnly ? `SELECT count(*) FROM ${passages} WHERE ${stretch} AND p.tag_id = 0` : `SELECT count(*) FROM sources s INDEXED BY sources_list_outlet_date WHERE ${sourceStretch}`,
    firstSql: options.codedOnly
      ? `SELECT p.published_at, p.source_id FROM ${passages} WHERE ${stretch} AND p.tag_id = 0 ORDER BY p.published_at LIMIT 1`
      : `SELECT ${day}, s.id FROM sources s INDEXED BY sources_list_outlet_date WHERE ${sourceStretch} ORDER BY ${day} LIMIT 1`,
    lastSql: options.codedOnly
      ? `SELECT p.published_at FROM ${passages} WHERE ${stretch} AND p.tag_id = 0 ORDER BY p.published_at DESC LIMIT 1`
      : `SELECT ${day} FROM sources s INDEXED BY sources_list_outlet_date WHERE ${sourceStretch} ORDER BY ${day} DESC LIMIT 1`,
    marksSql: options.codedOnly
      ? `SELECT ${lane('p')} AS lane, ${bucket('p')} AS bucket, count(*), min(p.published_at), max(p.published_at), min(p.source_id) FROM ${passages} ${join('p')} WHERE p.tag_id = 0 AND p.published_at IS NOT NULL${inRange('p')} GROUP BY lane, bucket`
      : `SELECT ${lane('s')} AS lane, ${bucket('s')} AS bucket, count(*), min(s.published_at), max(s.published_at), min(s.id) FROM sources s INDEXED BY sources_passage_facts ${join('s')} WHERE ${dated} GROUP BY lane, bucket`,
    // One outlet's passages in one stretch, per code; tag 0: every passage once, whatever its codes.
    // (Only what is summed: each aggregate more is paid on every one of 108,000 rows at 100,000 articles.)
    passagesSql: `SELECT p.tag_id, sum(p.passages) FROM ${passages} WHERE ${stretch} GROUP BY p.tag_id`,
    passagesScanSql: `SELECT ${lane('p')} AS lane, ${bucket('p')} AS bucket, p.tag_id, sum(p.passages) FROM ${passages} ${join('p')} WHERE p.published_at IS NOT NULL${inRange('p')} GROUP BY lane, bucket, p.tag_id`,
    // One outlet's undated sources: a covering seek (reading each undated source's row for its
    // outlet cost 13 ms at 100,000 articles; 30 seeks, half a millisecond).
    undatedSql: options.codedOnly
      ? 'SELECT count(*) FROM timeline_passages p INDEXED BY timeline_passages_lane WHERE p.outlet IS ? AND p.published_at IS NULL AND p.tag_id = 0'
      : `SELECT count(*) FROM sources s INDEXED BY sources_list_outlet_date WHERE s.outlet IS ? AND ${day} = ''`,
    singlesSql: 'SELECT id, title, published_at FROM sources WHERE id IN (SELECT value FROM json_each(?))',
  };
}

/** The stretches of an axis from `from` (`bucketDays` each, up to the day after `to`), as [first date, day after]. */
export function stretches(from: string, to: string, bucketDays: number): [string, string][] {
  const first = dayNumber(from);
  const afterLast = dayNumber(to) + 1;
  const date = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
  const result: [string, string][] = [];
  for (let start = first; start < afterLast; start += bucketDays) result.push([date(start), date(Math.min(afterLast, start + bucketDays))]);
  return result;
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
  const codes: Timeline['codes'] = [];
  // An id of each mark's sources: the source itself when the mark has one.
  const minIds = new Map<TimelineMark, number>();
  let sourceCount = 0;
  // Each mark's passages per code, by tag id, until the codes' indexes are known.
  const markCodes = new Map<TimelineMark, { tag: number; name: string; passages: number }[]>();
  const addToMark = (lane: string, bucket: number, count: number, first: string, last: string, minId: number) => {
    const key = `${bucket}\u0000${lane}`;
    const mark = marks.get(key);
    if (mark) {
      // Outlets of one country meet in one mark.
      mark.sourceCount += count;
      if (first < mark.from) mark.from = first;
      if (last > mark.to) mark.to = last;
      minIds.set(mark, Math.min(minIds.get(mark)!, minId));
    } else {
      const created: TimelineMark = { from: first, to: last, sourceCount: count, passageCount: 0, codes: [], source: null };
      marks.set(key, created);
      minIds.set(created, minId);
      laneOf(lane).marks.push(created);
    }
    laneOf(lane).sourceCount += count;
    sourceCount += count;
  };
  const outlets = distinctValues(db, 'outlet');
  const countryOf = new Map(by === 'country' ? (db.prepare('SELECT name, country FROM outlets').raw().all() as [string, string | null][]) : []);
  const laneName = (outlet: string | null) => (by === 'outlet' ? (outlet ?? NO_OUTLET) : ((outlet === null ? null : countryOf.get(outlet)) ?? NO_COUNTRY));
  if (from && to) {
    const axis = stretches(from, to, bucketDays);
    // Each mark's passages per code (tag 0: its passages), added up over the outlets of a lane.
    const codeCounts = new Map<TimelineMark, Map<number, number>>();
    const addPassages = (lane: string, bucket: number, tag: number, passages: number) => {
      const mark = marks.get(`${bucket}\u0000${lane}`);
      if (!mark) return;
      let counts = codeCounts.get(mark);
      if (!counts) codeCounts.set(mark, (counts = new Map()));
      counts.set(tag, (counts.get(tag) ?? 0) + passages);
    };
    if (outlets.length * axis.length <= (options.maxSeeks ?? MAX_SEEKS)) {
      const countSources = db.prepare(sql.countSql).raw();
      const firstSource = db.prepare(sql.firstSql).raw();
      const lastDate = db.prepare(sql.lastSql).raw();
      const passages = db.prepare(sql.passagesSql).raw();
      for (const outlet of outlets) {
        const lane = laneName(outlet);
        axis.forEach(([start, end], bucket) => {
          const seek = [outlet, start, end, ...params];
          const [count] = countSources.get(...seek) as [number];
          if (count === 0) return;
          const [first, id] = firstSource.get(...seek) as [string, number];
          const [last] = lastDate.get(...seek) as [string];
          addToMark(lane, bucket, count, first, last, id);
          for (const [tag, sum] of passages.all(...seek) as [number, number][]) addPassages(lane, bucket, tag, sum);
        });
      }
    } else {
      for (const [lane, bucket, count, first, last, minId] of db.prepare(sql.marksSql).raw().all(from, bucketDays, ...params) as [string, number, number, string, string, number][]) {
        addToMark(lane, bucket, count, first, last, minId);
      }
      for (const [lane, bucket, tag, sum] of db.prepare(sql.passagesScanSql).raw().all(from, bucketDays, ...params) as [string, number, number, number][]) addPassages(lane, bucket, tag, sum);
    }
    const tags = new Map((db.prepare('SELECT id, name, color FROM tags').raw().all() as [number, string, string | null][]).map(([id, name, color]) => [id, { name, color }]));
    for (const [mark, counts] of codeCounts) {
      for (const [tag, passages] of counts) {
        if (tag === 0) {
          mark.passageCount = passages;
          continue;
        }
        const code = tags.get(tag);
        if (code === undefined) continue;
        let entries = markCodes.get(mark);
        if (!entries) markCodes.set(mark, (entries = []));
        entries.push({ tag, name: code.name, passages });
      }
    }
    // The codes the marks carry, each once, by name; each mark's as [index, passages], most first.
    const used = [...new Set([...markCodes.values()].flatMap((entries) => entries.map(({ tag }) => tag)))].sort((a, b) => tags.get(a)!.name.localeCompare(tags.get(b)!.name));
    const index = new Map(used.map((tag, at) => [tag, at]));
    for (const tag of used) codes.push({ name: tags.get(tag)!.name, color: tags.get(tag)!.color });
    for (const [mark, entries] of markCodes) {
      entries.sort((a, b) => b.passages - a.passages || a.name.localeCompare(b.name));
      mark.codes = entries.map(({ tag, passages }) => [index.get(tag)!, passages]);
    }
    const singles = new Map([...marks.values()].filter((mark) => mark.sourceCount === 1).map((mark) => [minIds.get(mark)!, mark]));
    if (singles.size > 0) {
      for (const [id, title, publishedAt] of db.prepare(sql.singlesSql).raw().all(JSON.stringify([...singles.keys()])) as [number, string, string][]) {
        singles.get(id)!.source = { id, title, publishedAt };
      }
    }
  }
  let undatedCount = 0;
  const undated = db.prepare(sql.undatedSql).pluck();
  for (const outlet of outlets) {
    const count = undated.get(outlet) as number;
    if (count === 0) continue;
    // Outlets of one country add up.
    laneOf(laneName(outlet)).undatedCount += count;
    undatedCount += count;
  }
  for (const lane of lanes.values()) {
    lane.marks.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
  const special = (name: string) => name === NO_OUTLET || name === NO_COUNTRY;
  return {
    by,
    lanes: [...lanes.values()].sort((a, b) => Number(special(a.name)) - Number(special(b.name)) || a.name.localeCompare(b.name)),
    from,
    to,
    bucketDays,
    codes,
    sourceCount,
    undatedCount,
  };
}
