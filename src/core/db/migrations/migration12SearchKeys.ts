/**
 * Migration 12 (issue 14): search across scripts and word forms. FROZEN once released: literal
 * text, nothing interpolated.
 *
 * Each FTS5 index gets a twin `<column>_key` for every column, holding the search keys of
 * src/shared/search/searchKey.ts (every word transliterated to one Latin spelling, so Лачин and
 * Laçın both index as `lacin`); the folded columns stay for quoted, exact-spelling searches.
 * Snippets are still built from the ORIGINAL text: the content of each index is now a view that
 * gives every key column the original text of its twin, and the keys split into the same tokens
 * as the original, so FTS5 marks the right words in the words as written.
 *
 * The highlight index's comment columns hold the comment and the translation (migration 11).
 *
 * The indexes are recreated empty and `search_index.fold_version = 0` makes the next open rebuild
 * them (searchIndex.ts), keys included. The shadow tables of what highlights and notes had
 * indexed (needed to take an entry out) gain the keys too; they are refilled by the rebuild.
 * Same tokenizer as migration 7; uses nothing newer than SQLite 3.37.
 */
export const MIGRATION_12_SEARCH_KEYS = `
  DROP TABLE sources_fts;
  DROP TABLE highlights_fts;
  DROP TABLE notes_fts;
  DROP VIEW highlights_search_content;
  DROP TABLE highlights_search_text;
  DROP TABLE notes_search_text;

  CREATE VIEW sources_search_content AS
    SELECT id, title, outlet, author, body,
      title AS title_key, outlet AS outlet_key, author AS author_key, body AS body_key
    FROM sources;

  CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, outlet, author, body, title_key, outlet_key, author_key, body_key,
    content = 'sources_search_content',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TABLE highlights_search_text (
    id           INTEGER PRIMARY KEY,
    exact        TEXT NOT NULL,
    comment      TEXT NOT NULL,
    tags         TEXT NOT NULL,
    exact_key    TEXT NOT NULL,
    comment_key  TEXT NOT NULL,
    tags_key     TEXT NOT NULL,
    tag_names    TEXT NOT NULL
  ) STRICT;

  CREATE VIEW highlights_search_content AS
    SELECT h.id AS id, h.exact AS exact, h.comment || coalesce(char(10) || h.translation, '') AS comment, s.tag_names AS tags,
      h.exact AS exact_key, h.comment || coalesce(char(10) || h.translation, '') AS comment_key, s.tag_names AS tags_key
    FROM highlights h JOIN highlights_search_text s ON s.id = h.id;

  CREATE VIRTUAL TABLE highlights_fts USING fts5(
    exact, comment, tags, exact_key, comment_key, tags_key,
    content = 'highlights_search_content',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TABLE notes_search_text (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    plain_text      TEXT NOT NULL,
    title_key       TEXT NOT NULL,
    plain_text_key  TEXT NOT NULL
  ) STRICT;

  CREATE VIEW notes_search_content AS
    SELECT id, title, plain_text, title AS title_key, plain_text AS plain_text_key FROM notes;

  CREATE VIRTUAL TABLE notes_fts USING fts5(
    title, plain_text, title_key, plain_text_key,
    content = 'notes_search_content',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  UPDATE search_index SET fold_version = 0 WHERE id = 1;
`;
