import { SEARCH_FOLDS_V1, SEARCH_TOKEN_CHARS } from '../../shared/search/fold';

/**
 * Migration 3: full-text search over sources (issue 6).
 *
 * The shape, and why:
 * - `sources_fts` is an EXTERNAL-CONTENT FTS5 table (content = sources): the index stores no second
 *   copy of the text. FTS5 reads column text from `sources` only to build snippets.
 * - What gets indexed is the FOLDED text (`sources_search_text`, a view applying SEARCH_FOLDS_V1),
 *   because unicode61 cannot fold ə, ı, ё… and better-sqlite3 cannot register a custom tokenizer.
 *   Folding keeps token boundaries, so snippet(), which re-tokenizes the ORIGINAL text from
 *   `sources` and marks tokens by position, marks the right words and shows the original spelling.
 * - Triggers keep the index in step inside the writing transaction. External content needs the
 *   old indexed values to delete a row, so the delete and update-old triggers run BEFORE the change
 *   and read the still-unchanged row through the same view: old values fold exactly as they did.
 * - The fold lives in one view instead of being repeated in every trigger.
 * - prefix = '2 3' keeps 2- and 3-letter prefix queries (search as you type) fast: without it FTS5
 *   merges the doclists of every term with that prefix up front (measured at 100,000 articles:
 *   `ma*` 87 ms -> 4 ms, `ra*` 211 ms -> 7 ms). It costs index space (FTS 177 MB -> 403 MB there).
 *   Longer prefixes match few terms and need no index; 1-letter ones are refused by parseQuery.
 *
 * Never run `INSERT INTO sources_fts(sources_fts) VALUES('rebuild')`: it would index the unfolded
 * text of `sources`. To reindex (e.g. after a new fold table), run 'delete-all' and then insert
 * from `sources_search_text`, as the last statement below does.
 *
 * Highlights and notes have their own tables in the same style, from migration 6
 * (searchMoreSchema.ts, which says where they differ and why: highlights keep the folded text they
 * indexed, because their tags change through INSERT OR IGNORE and cascades; deleted notes are left
 * out of the index). Each is one more SearchKind in searchKinds.ts, using the same tokenizer line
 * and fold (foldSql below), so one parsed query matches all three.
 */

/** SQL string literal. The fold table has no quotes today; this keeps it safe if it ever does. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `column` with every SEARCH_FOLDS_V1 replacement applied, as a nested SQL replace(). */
export function foldSql(column: string): string {
  return SEARCH_FOLDS_V1.reduce((sql, [from, to]) => `replace(${sql}, ${literal(from)}, ${literal(to)})`, column);
}

export const SEARCH_TOKENIZER = `unicode61 remove_diacritics 2 tokenchars '${SEARCH_TOKEN_CHARS}'`;

/** The indexed columns of sources, in index order (bm25 weights in sourceSearch.ts follow it). */
export const SOURCE_FTS_COLUMNS = ['title', 'outlet', 'author', 'body'] as const;

const columns = SOURCE_FTS_COLUMNS.join(', ');

export const SEARCH_MIGRATION = `
  CREATE VIEW sources_search_text AS
    SELECT id, ${SOURCE_FTS_COLUMNS.map((column) => `${foldSql(column)} AS ${column}`).join(',\n      ')}
    FROM sources;

  CREATE VIRTUAL TABLE sources_fts USING fts5(
    ${columns},
    content = 'sources',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "${SEARCH_TOKENIZER}"
  );

  CREATE TRIGGER sources_fts_after_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, ${columns})
      SELECT id, ${columns} FROM sources_search_text WHERE id = new.id;
  END;

  CREATE TRIGGER sources_fts_before_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, ${columns})
      SELECT 'delete', id, ${columns} FROM sources_search_text WHERE id = old.id;
  END;

  CREATE TRIGGER sources_fts_before_update BEFORE UPDATE OF id, ${columns} ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, ${columns})
      SELECT 'delete', id, ${columns} FROM sources_search_text WHERE id = old.id;
  END;

  CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF id, ${columns} ON sources BEGIN
    INSERT INTO sources_fts (rowid, ${columns})
      SELECT id, ${columns} FROM sources_search_text WHERE id = new.id;
  END;

  -- after:/before: read each match's date by id. Article rows are large (body, original bytes), so
  -- without this small covering index a date filter would read one article page per match.
  CREATE INDEX sources_id_published_at ON sources (id, published_at);

  -- Libraries that already hold sources when this migration runs.
  INSERT INTO sources_fts (rowid, ${columns})
    SELECT id, ${columns} FROM sources_search_text;
`;
