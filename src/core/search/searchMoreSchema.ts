import { foldSql, SEARCH_TOKENIZER } from './searchSchema';

/**
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

export const HIGHLIGHT_FTS_COLUMNS = ['exact', 'comment', 'tags'] as const;
export const NOTE_FTS_COLUMNS = ['title', 'plain_text'] as const;

const highlightColumns = HIGHLIGHT_FTS_COLUMNS.join(', ');
const noteColumns = NOTE_FTS_COLUMNS.join(', ');

/** Brings the index entry of the highlights selected by `where` (on column id) in step with the rows. */
function reindexHighlights(where: string): string {
  return `
    INSERT INTO highlights_fts (highlights_fts, rowid, ${highlightColumns})
      SELECT 'delete', id, ${highlightColumns} FROM highlights_search_text WHERE ${where};
    DELETE FROM highlights_search_text WHERE ${where};
    INSERT INTO highlights_search_text (id, ${highlightColumns})
      SELECT id, ${HIGHLIGHT_FTS_COLUMNS.map((column) => foldSql(column)).join(', ')} FROM highlights_search_content WHERE ${where};
    INSERT INTO highlights_fts (rowid, ${highlightColumns})
      SELECT id, ${highlightColumns} FROM highlights_search_text WHERE ${where};`;
}

const notesIndexEntry = (where: string) => `SELECT id, ${noteColumns} FROM notes_search_text WHERE ${where} AND deleted_at IS NULL`;

export const SEARCH_MORE_MIGRATION = `
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
    ${highlightColumns},
    content = 'highlights_search_content',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "${SEARCH_TOKENIZER}"
  );

  CREATE TRIGGER highlights_fts_after_insert AFTER INSERT ON highlights BEGIN
    ${reindexHighlights('id = new.id')}
  END;

  CREATE TRIGGER highlights_fts_after_update AFTER UPDATE OF id, exact, comment ON highlights
    WHEN old.id IS NOT new.id OR old.exact IS NOT new.exact OR old.comment IS NOT new.comment BEGIN
    ${reindexHighlights('id IN (old.id, new.id)')}
  END;

  CREATE TRIGGER highlights_fts_after_delete AFTER DELETE ON highlights BEGIN
    ${reindexHighlights('id = old.id')}
  END;

  CREATE TRIGGER highlights_fts_after_tag_insert AFTER INSERT ON highlight_tags BEGIN
    ${reindexHighlights('id = new.highlight_id')}
  END;

  CREATE TRIGGER highlights_fts_after_tag_update AFTER UPDATE ON highlight_tags BEGIN
    ${reindexHighlights('id IN (old.highlight_id, new.highlight_id)')}
  END;

  CREATE TRIGGER highlights_fts_after_tag_delete AFTER DELETE ON highlight_tags BEGIN
    ${reindexHighlights('id = old.highlight_id')}
  END;

  CREATE TRIGGER highlights_fts_after_tag_rename AFTER UPDATE OF name, name_key ON tags
    WHEN old.name IS NOT new.name OR old.name_key IS NOT new.name_key BEGIN
    ${reindexHighlights('id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id)')}
  END;

  CREATE VIEW notes_search_text AS
    SELECT id, ${NOTE_FTS_COLUMNS.map((column) => `${foldSql(column)} AS ${column}`).join(', ')}, deleted_at
    FROM notes;

  CREATE VIRTUAL TABLE notes_fts USING fts5(
    ${noteColumns},
    content = 'notes',
    content_rowid = 'id',
    prefix = '2 3',
    tokenize = "${SEARCH_TOKENIZER}"
  );

  CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, ${noteColumns}) ${notesIndexEntry('id = new.id')};
  END;

  CREATE TRIGGER notes_fts_before_delete BEFORE DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, ${noteColumns}) SELECT 'delete', * FROM (${notesIndexEntry('id = old.id')});
  END;

  CREATE TRIGGER notes_fts_before_update BEFORE UPDATE OF id, ${noteColumns}, deleted_at ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, ${noteColumns}) SELECT 'delete', * FROM (${notesIndexEntry('id = old.id')});
  END;

  CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF id, ${noteColumns}, deleted_at ON notes BEGIN
    INSERT INTO notes_fts (rowid, ${noteColumns}) ${notesIndexEntry('id = new.id')};
  END;

  -- Libraries that already hold highlights and notes when this migration runs.
  ${reindexHighlights('id IN (SELECT id FROM highlights)')}
  INSERT INTO notes_fts (rowid, ${noteColumns}) ${notesIndexEntry('1')};
`;
