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

/** A kind of searchable thing, with its own FTS table (migration 7; written by searchIndex.ts). */
export interface SearchKind {
  type: SearchType;
  fields: FieldColumns;
  plan(match: string, parsed: ParsedQuery, limits: { limit: number; candidateCap: number }): SqlPlan;
}

/** How one kind's statement is written: its FTS table and how a match reaches its title and date. */
interface KindSql {
  type: SearchType;
  fields: FieldColumns;
  table: string;
  /** bm25 column weights, in the table's column order. */
  weights: string;
  /** Joins, after the FTS table and the ranked rows, that the result's columns read. */
  resultJoin: string;
  resultWhere: string;
  sourceId: string;
  title: string;
  /** What after:/before: compare (a YYYY-MM-DD text) and the joins that reach it from the FTS table. */
  dateJoin: string;
  date: string;
}

/** Tokens of context in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 16;

/**
 * Ranking cost grows with the number of matches (bm25 reads each match's positions and length), so
 * every statement ranks a capped candidate set: the newest `candidateCap` matches by rowid, which
 * FTS5 yields in order without sorting and stops reading at the cap. Below the cap (every selective
 * query) the ranking is exact; above it, the best results are those of the most recently added
 * matches. Snippets are built only for the final `limit` rows, in ONE more pass of the match over
 * the rowid range those rows span: seeking each row separately would rebuild a prefix query's
 * merged doclist once per row (measured: `la*` 70 ms that way, 11 ms this way, at 10,000 articles).
 */
function ftsKind(kind: KindSql): SearchKind {
  const t = kind.table;
  return {
    type: kind.type,
    fields: kind.fields,
    plan(match, parsed, { limit, candidateCap }) {
      const params: Record<string, string | number> = { match, limit, cap: candidateCap };
      const dates: string[] = [];
      if (parsed.after !== null) {
        dates.push(`${kind.date} > @after`);
        params.after = parsed.after;
      }
      if (parsed.before !== null) {
        dates.push(`${kind.date} < @before`);
        params.before = parsed.before;
      }
      const sql = `
      WITH candidates AS (
        SELECT ${t}.rowid AS id, bm25(${t}, ${kind.weights}) AS score
        FROM ${t}${dates.length > 0 ? kind.dateJoin : ''}
        WHERE ${t} MATCH @match${dates.map((condition) => ` AND ${condition}`).join('')}
        ORDER BY ${t}.rowid DESC
        LIMIT @cap
      ), best AS MATERIALIZED (
        SELECT id, score FROM candidates ORDER BY score, id DESC LIMIT @limit
      )
      SELECT ${t}.rowid AS id, ${kind.sourceId} AS source_id, ${kind.title} AS title, best.score AS score,
        snippet(${t}, -1, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet
      FROM ${t} CROSS JOIN best${kind.resultJoin}
      WHERE ${t} MATCH @match
        AND ${t}.rowid BETWEEN (SELECT min(id) FROM best) AND (SELECT max(id) FROM best)
        AND best.id = ${t}.rowid${kind.resultWhere}
      ORDER BY best.score, best.id DESC`;
      return { type: kind.type, sql, params };
    },
  };
}

/**
 * Date filters read each match's date through the small covering index of migration 3: the
 * planner would otherwise pick the primary key and read a large article row per match (measured:
 * 23 ms instead of 2.4 ms for a common word in one year, at 10,000 articles).
 */
const SOURCE_DATE = ' JOIN sources INDEXED BY sources_id_published_at ON sources.id = ';

export const sourceKind = ftsKind({
  type: 'source',
  fields: { text: ['title', 'outlet', 'author', 'body'], outlet: ['outlet'], author: ['author'], tag: null },
  table: 'sources_fts',
  // In sources_fts column order (title, outlet, author, body): a word in the title says more than one in the body.
  weights: '4.0, 2.0, 2.0, 1.0',
  resultJoin: ' CROSS JOIN sources',
  resultWhere: ' AND sources.id = sources_fts.rowid',
  sourceId: 'sources_fts.rowid',
  title: 'sources.title',
  dateJoin: `${SOURCE_DATE}sources_fts.rowid`,
  date: 'sources.published_at',
});

/** A highlight is titled and dated by its source; outlet: and author: name sources only. */
export const highlightKind = ftsKind({
  type: 'highlight',
  fields: { text: ['exact', 'comment', 'tags'], outlet: null, author: null, tag: ['tags'] },
  table: 'highlights_fts',
  // exact, comment, tags: the quoted words themselves say the most.
  weights: '2.0, 1.0, 1.0',
  resultJoin: ' CROSS JOIN highlights CROSS JOIN sources',
  resultWhere: ' AND highlights.id = highlights_fts.rowid AND sources.id = highlights.source_id',
  sourceId: 'highlights.source_id',
  title: 'sources.title',
  dateJoin: ` JOIN highlights ON highlights.id = highlights_fts.rowid${SOURCE_DATE}highlights.source_id`,
  date: 'sources.published_at',
});

/** A note's date is the day it was last edited (UTC), for after:/before:. */
export const noteKind = ftsKind({
  type: 'note',
  fields: { text: ['title', 'plain_text'], outlet: null, author: null, tag: null },
  table: 'notes_fts',
  // title, plain_text.
  weights: '4.0, 1.0',
  resultJoin: ' CROSS JOIN notes',
  resultWhere: ' AND notes.id = notes_fts.rowid',
  sourceId: 'NULL',
  title: 'notes.title',
  dateJoin: ' JOIN notes ON notes.id = notes_fts.rowid',
  date: 'substr(notes.updated_at, 1, 10)',
});
