import type { PassageFilter } from '../../shared/domain/compare';
import { NO_COLLECTION, NO_COUNTRY, NO_OUTLET } from '../../shared/domain/compare';
import { tagKey } from '../../shared/domain/highlight';
import { parseQuery } from '../../shared/search/parseQuery';
import { buildMatch } from '../search/buildMatch';
import type { Db } from '../db/db';
import { highlightKind } from '../search/searchKinds';
import { CODE_OR_CHILD_SQL, codeOrChildParams } from './codes';

/**
 * A passage filter as SQL conditions over `highlights h JOIN sources s LEFT JOIN outlets o`, with
 * their parameters in order. `impossible` is set when the words can match nothing (then no SQL runs).
 * The conditions read only `h` (and their own subqueries), so a query that needs nothing of the
 * source (a count, the matrix) runs them over `highlights h` alone: every highlight has its source.
 */
export interface FilterSql {
  conditions: string[];
  params: (string | number)[];
  impossible: boolean;
}

/** The FROM clause every passage query shares. */
export const PASSAGE_FROM = 'highlights h JOIN sources s INDEXED BY sources_passage_facts ON s.id = h.source_id LEFT JOIN outlets o ON o.name = s.outlet';

/** True when some note (not deleted) cites the highlight `h`. */
export const CITED_SQL = 'EXISTS (SELECT 1 FROM citations c JOIN notes n ON n.id = c.note_id WHERE c.highlight_id = h.id AND n.deleted_at IS NULL)';

export function passageFilterSql(db: Db, filter: PassageFilter): FilterSql {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  let impossible = false;
  if (filter.code !== undefined) {
    conditions.push(`h.id IN (SELECT ht.highlight_id FROM tags t JOIN highlight_tags ht ON ht.tag_id = t.id WHERE ${CODE_OR_CHILD_SQL('t')})`);
    params.push(...codeOrChildParams(filter.code));
  }
  // All of these codes (a co-occurrence cell): one set of passages per code, each with its children.
  for (const code of new Set(filter.codes ?? [])) {
    conditions.push(`h.id IN (SELECT ht.highlight_id FROM tags t JOIN highlight_tags ht ON ht.tag_id = t.id WHERE ${CODE_OR_CHILD_SQL('t')})`);
    params.push(...codeOrChildParams(code));
  }
  // Conditions on the source are sets of source ids, so their own indexes (outlet, date) find
  // them; the join to sources then reads only the covering index.
  if (filter.outlet !== undefined) {
    if (filter.outlet === NO_OUTLET) conditions.push('h.source_id IN (SELECT id FROM sources WHERE outlet IS NULL)');
    else {
      conditions.push('h.source_id IN (SELECT id FROM sources WHERE outlet = ?)');
      params.push(filter.outlet);
    }
  }
  if (filter.country !== undefined) {
    if (filter.country === NO_COUNTRY) conditions.push('h.source_id IN (SELECT s2.id FROM sources s2 INDEXED BY sources_outlet LEFT JOIN outlets o2 ON o2.name = s2.outlet WHERE o2.country IS NULL)');
    else {
      conditions.push('h.source_id IN (SELECT s2.id FROM outlets o2 JOIN sources s2 ON s2.outlet = o2.name WHERE o2.country = ?)');
      params.push(filter.country.toUpperCase());
    }
  }
  if (filter.collection !== undefined) {
    if (filter.collection === NO_COLLECTION) conditions.push('NOT EXISTS (SELECT 1 FROM collection_sources cs WHERE cs.source_id = h.source_id)');
    else {
      conditions.push('h.source_id IN (SELECT cs.source_id FROM collection_sources cs JOIN collections c ON c.id = cs.collection_id WHERE c.name_key = ?)');
      params.push(tagKey(filter.collection));
    }
  }
  if (filter.after !== undefined || filter.before !== undefined) {
    const range = [filter.after !== undefined ? 'published_at >= ?' : null, filter.before !== undefined ? 'published_at <= ?' : null].filter(Boolean).join(' AND ');
    conditions.push(`h.source_id IN (SELECT id FROM sources WHERE ${range})`);
    if (filter.after !== undefined) params.push(filter.after);
    if (filter.before !== undefined) params.push(filter.before);
  }
  if (filter.color !== undefined) {
    conditions.push('h.color = ?');
    params.push(filter.color);
  }
  if (filter.language !== undefined) {
    conditions.push('h.source_id IN (SELECT id FROM sources INDEXED BY sources_passage_facts WHERE language = ?)');
    params.push(filter.language);
  }
  if (filter.cited !== undefined) conditions.push(filter.cited ? CITED_SQL : `NOT ${CITED_SQL}`);
  if (filter.orphaned !== undefined) conditions.push(filter.orphaned ? 'h.orphaned = 1' : 'h.orphaned = 0');
  if (filter.sourceId !== undefined) {
    conditions.push('h.source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.words !== undefined && filter.words.trim() !== '') {
    const parsed = parseQuery(filter.words);
    const match = buildMatch(parsed, highlightKind.fields, db);
    if (match === null) impossible = parsed.groups.length > 0;
    else {
      conditions.push('h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)');
      params.push(match);
    }
  }
  return { conditions, params, impossible };
}

export const whereClause = (conditions: readonly string[]) => (conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`);
