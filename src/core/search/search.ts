import type Database from 'better-sqlite3';
import type { SearchResponse, SearchResult } from '../../shared/api/search';
import { SEARCH_DEFAULT_LIMIT } from '../../shared/api/search';
import type { ParsedQuery } from '../../shared/search/parseQuery';
import { parseQuery } from '../../shared/search/parseQuery';
import { segmentsFromMarked, snippetText } from '../../shared/search/snippet';
import type { Db } from '../db/db';
import { buildMatch } from './buildMatch';
import type { ResultRow, SearchKind, SqlPlan } from './searchKinds';
import { highlightKind, noteKind, sourceKind } from './searchKinds';

/** Every kind the library can search, in the order results of equal score are listed. */
const SEARCH_KINDS: readonly SearchKind[] = [sourceKind, highlightKind, noteKind];

/**
 * How many matches per kind are ranked (see searchKinds.ts). Ranking costs a few microseconds a
 * match, so 2,000 keeps a query for the commonest word within a few milliseconds at 100,000
 * articles, while any query with fewer matches is ranked exactly.
 */
export const CANDIDATE_CAP = 2000;

export interface SearchOptions {
  limit?: number;
  candidateCap?: number;
}

/** The statements a query runs: one per kind it can match. Exported for the benchmark's floor. */
export function planSearch(db: Db, parsed: ParsedQuery, options: SearchOptions = {}): SqlPlan[] {
  const limits = { limit: options.limit ?? SEARCH_DEFAULT_LIMIT, candidateCap: options.candidateCap ?? CANDIDATE_CAP };
  const plans: SqlPlan[] = [];
  for (const kind of SEARCH_KINDS) {
    if (!parsed.types.includes(kind.type)) continue;
    const match = buildMatch(parsed, kind.fields, db);
    if (match !== null) plans.push(kind.plan(match, parsed, limits));
  }
  return plans;
}

// Preparing costs more than running a selective query, and a query has only a few SQL shapes.
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function toResult(type: SearchResult['type'], row: ResultRow): SearchResult {
  const segments = segmentsFromMarked(row.snippet ?? '');
  return { type, id: row.id, sourceId: row.source_id, title: row.title, snippet: snippetText(segments), segments };
}

/**
 * Merges each kind's best-first rows: every kind's best, then every kind's second best, and so on
 * (within one round, by bm25 score, lower first). Raw bm25 scores from different indexes are not
 * comparable: a ten-word highlight outscores a 2,000-word article on any word they share, so sorting
 * by score alone would let a researcher's highlights crowd every article out of the first page.
 */
export function interleaveByRank<T extends { score: number }>(byKind: readonly { type: SearchResult['type']; rows: readonly T[] }[], limit: number): { type: SearchResult['type']; row: T }[] {
  const merged: { type: SearchResult['type']; row: T }[] = [];
  for (let rank = 0; merged.length < limit; rank++) {
    // A stable sort keeps kinds in SEARCH_KINDS order on ties.
    const round = byKind.filter((kind) => rank < kind.rows.length).map((kind) => ({ type: kind.type, row: kind.rows[rank]! }));
    if (round.length === 0) break;
    merged.push(...round.sort((a, b) => a.row.score - b.row.score));
  }
  return merged.slice(0, limit);
}

const hasSearchableWord = (parsed: ParsedQuery) => parsed.groups.length > 0;

/** Searches the library; best first. Never throws for what the user typed. */
export function searchLibrary(db: Db, query: string, options: SearchOptions = {}): SearchResponse {
  const parsed = parseQuery(query);
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  const byKind = planSearch(db, parsed, { ...options, limit }).map((plan) => ({ type: plan.type, rows: prepared(db, plan.sql).all(plan.params) as ResultRow[] }));
  const results = interleaveByRank(byKind, limit).map(({ type, row }) => toResult(type, row));
  let warning = parsed.warning;
  if (warning === null && !hasSearchableWord(parsed) && query.trim() !== '') {
    warning = 'Type a word to search for: type:, after: and before: only narrow a search.';
  }
  return { results, warning };
}
