/**
 * Migration 11: a translation beside a highlighted quote (issue 14, item 4). Literal text, frozen
 * once released; appended to the migrations list.
 *
 * - `translation` NULL when there is none (an empty text would mean nothing more); its language
 *   an ISO 639-1 code, present exactly when the text is; `translation_tool` NULL when the
 *   researcher made it, else the tool's name ("DeepL"). The checks hold the three together.
 * - The highlight index's `comment` column indexes the comment and the translation (the index
 *   writer folds `comment || char(10) || translation`, src/core/search/searchIndex.ts), so the view
 *   that snippets re-read gives the same text.
 */
export const MIGRATION_11_QUOTE_TRANSLATIONS = `
  ALTER TABLE highlights ADD COLUMN translation TEXT CHECK (translation IS NULL OR length(translation) > 0);
  ALTER TABLE highlights ADD COLUMN translation_language TEXT
    CHECK ((translation_language IS NULL) = (translation IS NULL) AND (translation_language IS NULL OR length(translation_language) = 2));
  ALTER TABLE highlights ADD COLUMN translation_tool TEXT
    CHECK (translation_tool IS NULL OR (translation IS NOT NULL AND length(translation_tool) BETWEEN 1 AND 64));

  DROP VIEW highlights_search_content;
  CREATE VIEW highlights_search_content AS
    SELECT h.id AS id, h.exact AS exact, h.comment || coalesce(char(10) || h.translation, '') AS comment, s.tag_names AS tags
    FROM highlights h JOIN highlights_search_text s ON s.id = h.id;
`;
