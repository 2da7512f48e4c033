/**
 * Migration 3: full-text search over sources (issue 6). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 *
 * Its views and triggers fold text with nested replace() calls, which SQLite before 3.46 cannot
 * parse; migration 7 drops them (issue 13). Kept as it was released: libraries upgrade through it.
 *
 * The schema, and why (from the feature file that held it until issue 13):
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
export const MIGRATION_3_SOURCE_SEARCH = `
  CREATE VIEW sources_search_text AS
    SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS title,
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(outlet, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS outlet,
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(author, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS author,
      replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS body
    FROM sources;

  CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, outlet, author, body,
    content = 'sources',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TRIGGER sources_fts_after_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, title, outlet, author, body)
      SELECT id, title, outlet, author, body FROM sources_search_text WHERE id = new.id;
  END;

  CREATE TRIGGER sources_fts_before_delete BEFORE DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, outlet, author, body)
      SELECT 'delete', id, title, outlet, author, body FROM sources_search_text WHERE id = old.id;
  END;

  CREATE TRIGGER sources_fts_before_update BEFORE UPDATE OF id, title, outlet, author, body ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, outlet, author, body)
      SELECT 'delete', id, title, outlet, author, body FROM sources_search_text WHERE id = old.id;
  END;

  CREATE TRIGGER sources_fts_after_update AFTER UPDATE OF id, title, outlet, author, body ON sources BEGIN
    INSERT INTO sources_fts (rowid, title, outlet, author, body)
      SELECT id, title, outlet, author, body FROM sources_search_text WHERE id = new.id;
  END;

  -- after:/before: read each match's date by id. Article rows are large (body, original bytes), so
  -- without this small covering index a date filter would read one article page per match.
  CREATE INDEX sources_id_published_at ON sources (id, published_at);

  -- Libraries that already hold sources when this migration runs.
  INSERT INTO sources_fts (rowid, title, outlet, author, body)
    SELECT id, title, outlet, author, body FROM sources_search_text;
`;
