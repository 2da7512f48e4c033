/**
 * Migration 2: highlights, tags, highlight_tags (issue 3). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 *
 * The schema, and why (from the feature file that held it until issue 13):
 * Migration 2: highlights, tags, highlight_tags. Wired into src/core/db/migrations.ts as the
 * second entry; like every migration it is never edited once released.
 *
 * - highlights.id is AUTOINCREMENT so a deleted highlight's id is never given to a new one:
 *   notes cite highlights by id, and undo restores a deleted highlight under its old id.
 * - start/end are UTF-16 offsets into sources.body; exact/prefix/suffix the quote selector.
 *   For an orphan they keep the last known place and quote, so a later correction of the body
 *   can still find it.
 * - comment is '' when there is none (a null would mean nothing more).
 * - tags.name_key is the case-folded name (tagKey in src/shared/domain/highlight.ts): SQLite's
 *   NOCASE folds only ASCII, and tags are in Armenian, Russian and Azerbaijani too.
 */
export const MIGRATION_2_HIGHLIGHTS = `
  CREATE TABLE highlights (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    end         INTEGER NOT NULL CHECK (end > start),
    exact       TEXT NOT NULL CHECK (length(exact) > 0),
    prefix      TEXT NOT NULL,
    suffix      TEXT NOT NULL,
    color       TEXT NOT NULL DEFAULT 'yellow' CHECK (color IN ('yellow', 'red', 'green', 'blue', 'purple')),
    comment     TEXT NOT NULL DEFAULT '',
    orphaned    INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX highlights_source_order ON highlights (source_id, orphaned, start, end);

  CREATE TABLE tags (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    name_key  TEXT NOT NULL UNIQUE
  ) STRICT;

  CREATE TABLE highlight_tags (
    highlight_id  INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX highlight_tags_tag ON highlight_tags (tag_id);
`;
