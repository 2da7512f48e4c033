/**
 * Migration 14 (issues 13 and 14): the search keys leave the full-text indexes. FROZEN once
 * released: literal text, nothing interpolated.
 *
 * Migration 12 gave every FTS5 column a twin `<column>_key` holding the search key of every word
 * (searchKey.ts), which doubled the indexes: at 100,000 articles the library grew from 2.16 to 2.73
 * times its text, over issue 13's budget of 2.5. Most words' key is their folded spelling (a Latin
 * word without ch, sh, kh, ç…), so the index held most words twice. Now:
 * - the three indexes hold the folded text alone (as migration 7 made them, with migration 11's
 *   translation in the highlight's comment column);
 * - `search_key_terms` holds each word of the library whose key is not its own folded spelling,
 *   once, with its key (Лачин -> lacin, Lachin -> lacin, Laçın -> lacin). A query word is turned
 *   into its key and then into every indexed spelling with that key, looked up here (buildMatch.ts),
 *   so the folded columns answer cross-script queries, and FTS5's snippets mark the words as
 *   written, as before. A word that is no longer in any text may keep its row: it matches nothing.
 *   Without rowid: the table is its own (key, term) index, looked up by key and by key prefix.
 * - `search_index.key_terms_written` counts the writes to search_key_terms, so a writer that keeps
 *   in memory the words it has already recorded sees when a rollback (or another connection) made
 *   its memory wrong.
 *
 * The indexes are recreated empty and `search_index.fold_version = 0` makes the next open rebuild
 * them (searchIndex.ts), the key terms included. Same tokenizer as migration 7; nothing newer than
 * SQLite 3.37.
 */
export const MIGRATION_14_SEARCH_KEY_TERMS = `
  DROP TABLE sources_fts;
  DROP TABLE highlights_fts;
  DROP TABLE notes_fts;
  DROP VIEW sources_search_content;
  DROP VIEW highlights_search_content;
  DROP VIEW notes_search_content;
  DROP TABLE highlights_search_text;
  DROP TABLE notes_search_text;

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
    SELECT h.id AS id, h.exact AS exact, h.comment || coalesce(char(10) || h.translation, '') AS comment, s.tag_names AS tags
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

  CREATE TABLE search_key_terms (
    key   TEXT NOT NULL,
    term  TEXT NOT NULL,
    PRIMARY KEY (key, term)
  ) STRICT, WITHOUT ROWID;

  ALTER TABLE search_index ADD COLUMN key_terms_written INTEGER NOT NULL DEFAULT 0;

  UPDATE search_index SET fold_version = 0 WHERE id = 1;
`;
