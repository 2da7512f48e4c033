import { ApiError } from '../../shared/api/errors';
import type { SourceFilter } from '../../shared/domain/sourceList';
import { parseQuery } from '../../shared/search/parseQuery';
import { buildMatch } from '../search/buildMatch';
import { sourceKind } from '../search/searchKinds';

/** A WHERE clause over `sources` (possibly empty) and its named parameters. */
export interface FilterSql {
  where: string;
  params: Record<string, string | number>;
}

/**
 * Collections are another piece of work (issue 13, "add to a collection"). This is the one place
 * a collection filter becomes SQL: when they land, it returns
 * `id IN (SELECT source_id FROM collection_sources WHERE collection_id = @collection)`.
 */
export function collectionClause(collectionId: number): { clause: string; params: Record<string, number> } {
  throw new ApiError('invalid_request', `Collection ${collectionId} cannot be listed: this library has no collections yet.`);
}

/** The filter as SQL, with every user value bound as a parameter. Words go through the search index. */
export function sourceFilterSql(filter: SourceFilter): FilterSql {
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
    const match = buildMatch(parseQuery(filter.words), sourceKind.fields);
    // null: nothing searchable was typed (only punctuation, say), which narrows nothing.
    if (match !== null) {
      clauses.push('id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)');
      params.match = match;
    }
  }
  if (filter.collectionId !== null) {
    const collection = collectionClause(filter.collectionId);
    clauses.push(collection.clause);
    Object.assign(params, collection.params);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Adds `more` to a WHERE clause built by sourceFilterSql. */
export function andWhere(where: string, more: string): string {
  return where === '' ? `WHERE ${more}` : `${where} AND ${more}`;
}
