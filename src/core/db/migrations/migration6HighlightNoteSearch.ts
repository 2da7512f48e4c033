/**
 * Migration 6: full-text search over highlights and notes (issue 6). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 *
 * Its views and triggers fold text with nested replace() calls, which SQLite before 3.46 cannot
 * parse; migration 7 drops them (issue 13). Kept as it was released: libraries upgrade through it.
 *
 * The schema, and why (from the feature file that held it until issue 13):
 * Migration 6: full-text search over highlights and notes (issue 6), in the style of migration 3
 * (read searchSchema.ts first): external-content FTS5 tables whose content is the ORIGINAL text,
 * so snippet() marks the original spelling, while the index holds the FOLDED text.
 *
 * Highlights: `highlights_fts(exact, comment, tags)`.
 * - Content is the view `highlights_search_content`: the quote, the comment, and the tag names
 *   (sorted by their key, space-separated, so `tag:` searches them and the order never varies).
 * - Unlike sources, the folded text that was indexed is KEPT in `highlights_search_text`, and every
 *   trigger runs AFTER the change: "delete what the index holds (read from that table), refold from
 *   the current rows, insert". Reading the old values through a view in a BEFORE trigger, as
 *   sources do, is wrong here: a highlight's indexed text also depends on highlight_tags and tags,
 *   which change through `INSERT OR IGNORE` (a BEFORE trigger fires even when the row is then
 *   ignored) and through ON DELETE CASCADE from tags (the tag's name is gone before the
 *   highlight_tags trigger could read it). An FTS5 'delete' given other text than was indexed
 *   corrupts the index, so it is always given exactly what was indexed. Highlights are short, so
 *   the copy is cheap.
 *
 * Notes: `notes_fts(title, plain_text)`, content = notes, folded through `notes_search_text`, the
 * same BEFORE/AFTER trigger pairs as sources (notes change only through plain INSERT, UPDATE and
 * DELETE). A soft-deleted note (deleted_at set) is not in the index at all: deleting takes it out,
 * restoring puts it back, and purging a deleted note has nothing to remove.
 *
 * Never run 'rebuild' on these tables (it would index unfolded text); see searchSchema.ts.
 */
export const MIGRATION_6_HIGHLIGHT_NOTE_SEARCH = `
  CREATE VIEW highlights_search_content AS
    SELECT h.id AS id, h.exact AS exact, h.comment AS comment,
      coalesce((SELECT group_concat(t.name, ' ' ORDER BY t.name_key) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id), '') AS tags
    FROM highlights h;

  CREATE TABLE highlights_search_text (
    id       INTEGER PRIMARY KEY,
    exact    TEXT NOT NULL,
    comment  TEXT NOT NULL,
    tags     TEXT NOT NULL
  ) STRICT;

  CREATE VIRTUAL TABLE highlights_fts USING fts5(
    exact, comment, tags,
    content = 'highlights_search_content',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TRIGGER highlights_fts_after_insert AFTER INSERT ON highlights BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id = new.id;
    DELETE FROM highlights_search_text WHERE id = new.id;
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id = new.id;
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id = new.id;
  END;

  CREATE TRIGGER highlights_fts_after_update AFTER UPDATE OF id, exact, comment ON highlights
    WHEN old.id IS NOT new.id OR old.exact IS NOT new.exact OR old.comment IS NOT new.comment BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id IN (old.id, new.id);
    DELETE FROM highlights_search_text WHERE id IN (old.id, new.id);
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id IN (old.id, new.id);
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id IN (old.id, new.id);
  END;

  CREATE TRIGGER highlights_fts_after_delete AFTER DELETE ON highlights BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id = old.id;
    DELETE FROM highlights_search_text WHERE id = old.id;
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id = old.id;
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id = old.id;
  END;

  CREATE TRIGGER highlights_fts_after_tag_insert AFTER INSERT ON highlight_tags BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id = new.highlight_id;
    DELETE FROM highlights_search_text WHERE id = new.highlight_id;
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id = new.highlight_id;
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id = new.highlight_id;
  END;

  CREATE TRIGGER highlights_fts_after_tag_update AFTER UPDATE ON highlight_tags BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id IN (old.highlight_id, new.highlight_id);
    DELETE FROM highlights_search_text WHERE id IN (old.highlight_id, new.highlight_id);
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id IN (old.highlight_id, new.highlight_id);
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id IN (old.highlight_id, new.highlight_id);
  END;

  CREATE TRIGGER highlights_fts_after_tag_delete AFTER DELETE ON highlight_tags BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id = old.highlight_id;
    DELETE FROM highlights_search_text WHERE id = old.highlight_id;
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id = old.highlight_id;
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id = old.highlight_id;
  END;

  CREATE TRIGGER highlights_fts_after_tag_rename AFTER UPDATE OF name, name_key ON tags
    WHEN old.name IS NOT new.name OR old.name_key IS NOT new.name_key BEGIN
    
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id);
    DELETE FROM highlights_search_text WHERE id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id);
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id);
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id);
  END;

  CREATE VIEW notes_search_text AS
    SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS title, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(plain_text, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') AS plain_text, deleted_at
    FROM notes;

  CREATE VIRTUAL TABLE notes_fts USING fts5(
    title, plain_text,
    content = 'notes',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'"
  );

  CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, plain_text) SELECT id, title, plain_text FROM notes_search_text WHERE id = new.id AND deleted_at IS NULL;
  END;

  CREATE TRIGGER notes_fts_before_delete BEFORE DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, plain_text) SELECT 'delete', * FROM (SELECT id, title, plain_text FROM notes_search_text WHERE id = old.id AND deleted_at IS NULL);
  END;

  CREATE TRIGGER notes_fts_before_update BEFORE UPDATE OF id, title, plain_text, deleted_at ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, plain_text) SELECT 'delete', * FROM (SELECT id, title, plain_text FROM notes_search_text WHERE id = old.id AND deleted_at IS NULL);
  END;

  CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF id, title, plain_text, deleted_at ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, plain_text) SELECT id, title, plain_text FROM notes_search_text WHERE id = new.id AND deleted_at IS NULL;
  END;

  -- Libraries that already hold highlights and notes when this migration runs.
  
    INSERT INTO highlights_fts (highlights_fts, rowid, exact, comment, tags)
      SELECT 'delete', id, exact, comment, tags FROM highlights_search_text WHERE id IN (SELECT id FROM highlights);
    DELETE FROM highlights_search_text WHERE id IN (SELECT id FROM highlights);
    INSERT INTO highlights_search_text (id, exact, comment, tags)
      SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(exact, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(comment, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', ''), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(tags, 'ə', 'e'), 'Ə', 'E'), 'ǝ', 'e'), 'Ǝ', 'E'), 'ı', 'i'), 'ё', 'е'), 'Ё', 'Е'), 'ә', 'е'), 'Ә', 'Е'), 'ß', 'ss'), 'ẞ', 'SS'), 'ø', 'o'), 'Ø', 'O'), 'ł', 'l'), 'Ł', 'L'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ħ', 'h'), 'Ħ', 'H'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH'), 'և', 'եվ'), 'եւ', 'եվ'), 'Եւ', 'Եվ'), 'ԵՒ', 'ԵՎ'), 'ʼ', ''), 'ʻ', ''), 'ʹ', ''), 'ʺ', ''), '՛', ''), '՜', ''), '՞', '') FROM highlights_search_content WHERE id IN (SELECT id FROM highlights);
    INSERT INTO highlights_fts (rowid, exact, comment, tags)
      SELECT id, exact, comment, tags FROM highlights_search_text WHERE id IN (SELECT id FROM highlights);
  INSERT INTO notes_fts (rowid, title, plain_text) SELECT id, title, plain_text FROM notes_search_text WHERE 1 AND deleted_at IS NULL;
`;
