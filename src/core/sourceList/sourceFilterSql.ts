import { tagKey } from '../../shared/domain/highlight';
import type { SourceFilter } from '../../shared/domain/sourceList';
import { parseQuery } from '../../shared/search/parseQuery';
import type { Db } from '../db/db';
import { buildMatch } from '../search/buildMatch';
import { sourceKind } from '../search/searchKinds';

/** A WHERE clause over `sources` (possibly empty) and its named parameters. */
export interface FilterSql {
  where: string;
  params: Record<string, string | number>;
}

/** Sources in the collection named `name` (collections match case-folded names, as codes do). */
export function collectionClause(name: string): { clause: string; params: Record<string, string> } {
  return {
    clause: 'id IN (SELECT cs.source_id FROM collection_sources cs JOIN collections c ON c.id = cs.collection_id WHERE c.name_key = @collectionKey)',
    params: { collectionKey: tagKey(name) },
  };
}

/** The filter as SQL, with every user value bound as a parameter. Words go through the search index. */
export function sourceFilterSql(db: Db, filter: SourceFilter): FilterSql {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.outlet !== null) {
    clauses.push('outlet = @outlet');
    params.outlet = filter.outlet;
  }
  if (filter.language !== null) {
    clauses.push('language = @language');
    params.language = filter.language;
  }
  if (filter.from !== null) {
    clauses.push('published_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== null) {
    clauses.push('published_at <= @to');
    params.to = filter.to;
  }
  if (filter.words.trim() !== '') {
    // The search box's language and index: "Lachin road" here finds what it finds there.
    const match = buildMatch(parseQuery(filter.words), sourceKind.fields, db);
    // null: nothing searchable was typed (only punctuation, say), which narrows nothing.
    if (match !== null) {
      clauses.push('id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)');
      params.match = match;
    }
  }
  if (filter.collection !== null) {
    const collection = collectionClause(filter.collection);
    clauses.push(collection.clause);
    Object.assign(params, collection.params);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Adds `more` to a WHERE clause built by sourceFilterSql. */
export function andWhere(where: string, more: string): string {
  return where === '' ? `WHERE ${more}` : `${where} AND ${more}`;
}
