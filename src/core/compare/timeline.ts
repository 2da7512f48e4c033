import type { Timeline } from '../../shared/domain/compare';
import { NO_COUNTRY, NO_OUTLET } from '../../shared/domain/compare';
import type { HighlightColor } from '../../shared/domain/highlight';
import type { Db } from '../db/db';

export interface TimelineOptions {
  by?: 'outlet' | 'country';
  after?: string;
  before?: string;
  /** Only sources with at least one passage (a large library's timeline stays readable). */
  codedOnly?: boolean;
}

/**
 * The timeline (issue 11): dated sources in lanes by outlet or country, oldest first, each with its
 * passages' codes and colours. Undated sources cannot be placed; they are counted.
 */
/** The statements the timeline reads, exposed for the benchmark's raw run; all take `params`. */
export function timelineSql(options: TimelineOptions = {}) {
  const by = options.by ?? 'outlet';
  const lane = by === 'outlet' ? `coalesce(s.outlet, '${NO_OUTLET}')` : `coalesce(o.country, '${NO_COUNTRY}')`;
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
  const conditions = ['s.published_at IS NOT NULL', ...range.map((condition) => `s.${condition}`)];
  // Driven by the highlights' own index (the sources that have any), not a probe per source.
  if (options.codedOnly) conditions.push('s.id IN (SELECT source_id FROM highlights INDEXED BY highlights_source_order)');
  const inRange = range.length > 0 ? `WHERE h.source_id IN (SELECT id FROM sources WHERE ${range.join(' AND ')})` : '';
  return {
    by,
    params,
    sourcesSql: `SELECT s.id, s.title, s.published_at AS publishedAt, ${lane} AS lane FROM sources s INDEXED BY sources_passage_facts LEFT JOIN outlets o ON o.name = s.outlet WHERE ${conditions.join(' AND ')} ORDER BY s.published_at, s.id`,
    // Passages in their sources' order (highlights_source_order), and their codes from one read of
    // highlight_tags: a subquery per passage (json_group_array) cost more than the rest together.
    passagesSql: `SELECT h.id, h.source_id, h.color FROM highlights h INDEXED BY highlights_source_order ${inRange} ORDER BY h.source_id, h.orphaned, h.start, h.end, h.id`,
    codingsSql: 'SELECT highlight_id, tag_id FROM highlight_tags',
    // sources_published_at finds the NULLs without reading the other rows.
    undatedSql: 'SELECT count(*) FROM sources WHERE published_at IS NULL',
  };
}

export function timeline(db: Db, options: TimelineOptions = {}): Timeline {
  const { by, params, sourcesSql, passagesSql, codingsSql, undatedSql } = timelineSql(options);
  const sources = db.prepare(sourcesSql).all(...params) as { id: number; title: string; publishedAt: string; lane: string }[];
  const bySource = new Map<number, { id: number; codes: string[]; color: HighlightColor }[]>();
  for (const source of sources) bySource.set(source.id, []);
  const passages = db.prepare(passagesSql).raw().all(...params) as [number, number, HighlightColor][];
  const tagNames = new Map(db.prepare('SELECT id, name FROM tags').raw().all() as [number, string][]);
  const codesOf = new Map<number, string[]>();
  for (const [highlight, tag] of db.prepare(codingsSql).raw().all() as [number, number][]) {
    const name = tagNames.get(tag);
    if (name === undefined) continue;
    const list = codesOf.get(highlight);
    if (list) list.push(name);
    else codesOf.set(highlight, [name]);
  }
  for (const [id, sourceId, color] of passages) {
    bySource.get(sourceId)?.push({ id, codes: (codesOf.get(id) ?? []).sort(), color });
  }
  const lanes = new Map<string, Timeline['lanes'][number]>();
  for (const source of sources) {
    let entry = lanes.get(source.lane);
    if (!entry) lanes.set(source.lane, (entry = { name: source.lane, sources: [] }));
    entry.sources.push({ id: source.id, title: source.title, publishedAt: source.publishedAt, passages: bySource.get(source.id) ?? [] });
  }
  const special = (name: string) => name === NO_OUTLET || name === NO_COUNTRY;
  const undatedCount = db.prepare(undatedSql).pluck().get() as number;
  return {
    by,
    lanes: [...lanes.values()].sort((a, b) => Number(special(a.name)) - Number(special(b.name)) || a.name.localeCompare(b.name)),
    from: sources[0]?.publishedAt ?? null,
    to: sources.at(-1)?.publishedAt ?? null,
    undatedCount,
  };
}
