/**
 * Migration 7 (issue 13): search folding moves out of SQL into TypeScript, and the original bytes
 * may be stored compressed. FROZEN once released: literal text, nothing interpolated.
 *
 * - Drops the views and triggers of migrations 3 and 6, whose nested replace() calls (and one
 *   `group_concat(... ORDER BY ...)`) SQLite before 3.44/3.46 cannot parse: Debian 12's sqlite3
 *   and Python's sqlite3 module called the whole library "malformed". What remains uses nothing
 *   newer than SQLite 3.37 (STRICT tables), checked by src/core/db/sqliteTools.test.ts.
 * - Recreates the three FTS5 indexes empty, with the same columns and tokenizer. The
 *   index writer (src/core/search/searchIndex.ts) fills them inside each writing transaction, and
 *   `search_index.fold_version = 0` makes the first open after this migration rebuild them all.
 * - Sources: content = sources; what was indexed is refolded from the row itself (a folded copy of
 *   every article would add the whole text again). Highlights: the folded text that was indexed is
 *   kept in `highlights_search_text`, and the tag names as written in `tag_names` (the snippet
 *   source). Notes: the folded text is kept in `notes_search_text`; a deleted note has no row.
 * - sources_fts has no prefix indexes any more (migration 3 had prefix = '2 3'): they made the
 *   index 2.3 times larger (177 MB -> 403 MB at 100,000 articles), over half of what the issue's
 *   budget of 2.5 times the text allows for the whole library. 2- and 3-letter prefix queries now
 *   merge their terms' lists when they run (see README, Performance). Highlights and notes, small,
 *   keep theirs.
 * - `sources.original_compression`: NULL for bytes stored as they were, 'zlib-body' for a zlib
 *   stream (RFC 1950) whose preset dictionary is the row's body as UTF-8, 'zlib' for one without
 *   (src/core/originalBytes.ts). Older rows stay as they are. Because a 'zlib-body' original can be
 *   read only with its body, the trigger below refuses a change to the body that does not also
 *   re-encode the original (setSourceBody does both in one statement): a tool that edited the body
 *   alone would make the original unreadable.
 * - No other trigger: every other index is written by TypeScript.
 */
export const MIGRATION_7_SEARCH_FOLD_IN_CODE = `
  DROP TRIGGER sources_fts_after_insert;
  DROP TRIGGER sources_fts_before_delete;
  DROP TRIGGER sources_fts_before_update;
  DROP TRIGGER sources_fts_after_update;
  DROP TRIGGER highlights_fts_after_insert;
  DROP TRIGGER highlights_fts_after_update;
  DROP TRIGGER highlights_fts_after_delete;
  DROP TRIGGER highlights_fts_after_tag_insert;
  DROP TRIGGER highlights_fts_after_tag_update;
  DROP TRIGGER highlights_fts_after_tag_delete;
  DROP TRIGGER highlights_fts_after_tag_rename;
  DROP TRIGGER notes_fts_after_insert;
  DROP TRIGGER notes_fts_before_delete;
  DROP TRIGGER notes_fts_before_update;
  DROP TRIGGER notes_fts_after_update;
  DROP TABLE sources_fts;
  DROP TABLE highlights_fts;
  DROP TABLE notes_fts;
  DROP VIEW sources_search_text;
  DROP VIEW highlights_search_content;
  DROP VIEW notes_search_text;
  DROP TABLE highlights_search_text;

  CREATE TABLE search_index (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    fold_version  INTEGER NOT NULL
  ) STRICT;
  INSERT INTO search_index (id, fold_version) VALUES (1, 0);

  CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, outlet, author, body,
    content = 'sources',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TABLE highlights_search_text (
    id         INTEGER PRIMARY KEY,
    exact      TEXT NOT NULL,
    comment    TEXT NOT NULL,
    tags       TEXT NOT NULL,
    tag_names  TEXT NOT NULL
  ) STRICT;

  CREATE VIEW highlights_search_content AS
    SELECT h.id AS id, h.exact AS exact, h.comment AS comment, s.tag_names AS tags
    FROM highlights h JOIN highlights_search_text s ON s.id = h.id;

  CREATE VIRTUAL TABLE highlights_fts USING fts5(
    exact, comment, tags,
    content = 'highlights_search_content',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TABLE notes_search_text (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    plain_text  TEXT NOT NULL
  ) STRICT;

  CREATE VIRTUAL TABLE notes_fts USING fts5(
    title, plain_text,
    content = 'notes',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  ALTER TABLE sources ADD COLUMN original_compression TEXT CHECK (original_compression IN ('zlib-body', 'zlib'));

  CREATE TRIGGER sources_original_follows_body BEFORE UPDATE OF body ON sources
    WHEN old.original_compression = 'zlib-body' AND new.body IS NOT old.body AND new.original IS old.original
  BEGIN
    SELECT RAISE(ABORT, 'The original bytes of this source are compressed against its text; change the text with Marginalia (Correct text), which re-encodes them.');
  END;
`;
