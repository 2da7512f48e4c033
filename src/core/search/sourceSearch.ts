import type { ParsedQuery, SearchType } from '../../shared/search/parseQuery';
import { MATCH_END, MATCH_START } from '../../shared/search/snippet';
import type { FieldColumns } from './buildMatch';

/** One SQL statement that finds results of one kind; the benchmark runs the same one raw. */
export interface SqlPlan {
  type: SearchType;
  sql: string;
  params: Record<string, string | number>;
}

/** What every kind's statement returns, so results of all kinds merge in one list. */
export interface ResultRow {
  id: number;
  source_id: number | null;
  title: string;
  snippet: string;
  score: number;
}

/**
 * A kind of searchable thing. Sources now; highlights and notes add one each (their own FTS table,
 * see searchSchema.ts), and search.ts runs every kind the query's type: filter allows.
 */
export interface SearchKind {
  type: SearchType;
  fields: FieldColumns;
  plan(match: string, parsed: ParsedQuery, limits: { limit: number; candidateCap: number }): SqlPlan;
}

/** bm25 column weights, in SOURCE_FTS_COLUMNS order: a word in the title says more than one in the body. */
const SOURCE_WEIGHTS = '4.0, 2.0, 2.0, 1.0';
/**
 * Date filters read each match's date through the small covering index of migration 3: the
 * planner would otherwise pick the primary key and read a large article row per match (measured:
 * 23 ms instead of 2.4 ms for a common word in one year, at 10,000 articles).
 */
const DATE_JOIN = ' JOIN sources INDEXED BY sources_id_published_at ON sources.id = sources_fts.rowid';
/** Tokens of context in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 16;

/**
 * Ranking cost grows with the number of matches (bm25 reads each match's positions and length), so
 * the statement ranks a capped candidate set: the newest `candidateCap` matches by rowid, which
 * FTS5 yields in order without sorting and stops reading at the cap. Below the cap (every selective
 * query) the ranking is exact; above it, the best results are those of the most recently imported
 * matches. Snippets are built only for the final `limit` rows, in ONE more pass of the match over
 * the rowid range those rows span: seeking each row separately would rebuild a prefix query's
 * merged doclist once per row (measured: `la*` 70 ms that way, 11 ms this way, at 10,000 articles).
 */
export const sourceKind: SearchKind = {
  type: 'source',
  fields: { outlet: ['outlet'], author: ['author'], tag: null },
  plan(match, parsed, { limit, candidateCap }) {
    const params: Record<string, string | number> = { match, limit, cap: candidateCap };
    const dates: string[] = [];
    if (parsed.after !== null) {
      dates.push('sources.published_at > @after');
      params.after = parsed.after;
    }
    if (parsed.before !== null) {
      dates.push('sources.published_at < @before');
      params.before = parsed.before;
    }
    const sql = `
      WITH candidates AS (
        SELECT sources_fts.rowid AS id, bm25(sources_fts, ${SOURCE_WEIGHTS}) AS score
        FROM sources_fts${dates.length > 0 ? DATE_JOIN : ''}
        WHERE sources_fts MATCH @match${dates.map((condition) => ` AND ${condition}`).join('')}
        ORDER BY sources_fts.rowid DESC
        LIMIT @cap
      ), best AS MATERIALIZED (
        SELECT id, score FROM candidates ORDER BY score, id DESC LIMIT @limit
      )
      SELECT sources_fts.rowid AS id, sources_fts.rowid AS source_id, sources.title AS title, best.score AS score,
        snippet(sources_fts, -1, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet
      FROM sources_fts CROSS JOIN best CROSS JOIN sources
      WHERE sources_fts MATCH @match
        AND sources_fts.rowid BETWEEN (SELECT min(id) FROM best) AND (SELECT max(id) FROM best)
        AND best.id = sources_fts.rowid AND sources.id = sources_fts.rowid
      ORDER BY best.score, best.id DESC`;
    return { type: 'source', sql, params };
  },
};
