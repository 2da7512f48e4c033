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
export function timeline(db: Db, options: TimelineOptions = {}): Timeline {
  const by = options.by ?? 'outlet';
  const lane = by === 'outlet' ? `coalesce(s.outlet, '${NO_OUTLET}')` : `coalesce(o.country, '${NO_COUNTRY}')`;
  const conditions = ['s.published_at IS NOT NULL'];
  const params: string[] = [];
  if (options.after) {
    conditions.push('s.published_at >= ?');
    params.push(options.after);
  }
  if (options.before) {
    conditions.push('s.published_at <= ?');
    params.push(options.before);
  }
  if (options.codedOnly) conditions.push('EXISTS (SELECT 1 FROM highlights h WHERE h.source_id = s.id)');
  const where = conditions.join(' AND ');
  const sources = db
    .prepare(`SELECT s.id, s.title, s.published_at AS publishedAt, ${lane} AS lane FROM sources s INDEXED BY sources_passage_facts LEFT JOIN outlets o ON o.name = s.outlet WHERE ${where} ORDER BY s.published_at, s.id`)
    .all(...params) as { id: number; title: string; publishedAt: string; lane: string }[];
  const passages = db
    .prepare(
      `SELECT h.id, h.source_id AS sourceId, h.color, (SELECT json_group_array(t.name) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id) AS codes
       FROM highlights h JOIN sources s INDEXED BY sources_passage_facts ON s.id = h.source_id LEFT JOIN outlets o ON o.name = s.outlet WHERE ${where} ORDER BY h.source_id, h.start`,
    )
    .all(...params) as { id: number; sourceId: number; color: HighlightColor; codes: string }[];
  const bySource = new Map<number, { id: number; codes: string[]; color: HighlightColor }[]>();
  for (const passage of passages) {
    const list = bySource.get(passage.sourceId) ?? [];
    list.push({ id: passage.id, codes: (JSON.parse(passage.codes) as string[]).sort(), color: passage.color });
    bySource.set(passage.sourceId, list);
  }
  const lanes = new Map<string, Timeline['lanes'][number]>();
  for (const source of sources) {
    let entry = lanes.get(source.lane);
    if (!entry) lanes.set(source.lane, (entry = { name: source.lane, sources: [] }));
    entry.sources.push({ id: source.id, title: source.title, publishedAt: source.publishedAt, passages: bySource.get(source.id) ?? [] });
  }
  const special = (name: string) => name === NO_OUTLET || name === NO_COUNTRY;
  const undatedCount = db.prepare('SELECT count(*) FROM sources INDEXED BY sources_passage_facts WHERE published_at IS NULL').pluck().get() as number;
  return {
    by,
    lanes: [...lanes.values()].sort((a, b) => Number(special(a.name)) - Number(special(b.name)) || a.name.localeCompare(b.name)),
    from: sources[0]?.publishedAt ?? null,
    to: sources.at(-1)?.publishedAt ?? null,
    undatedCount,
  };
}
