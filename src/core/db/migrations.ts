import { HIGHLIGHTS_MIGRATION } from '../highlights/highlightsSchema';
import { PAGES_MIGRATION } from '../import/pdf/pagesSchema';
import { NOTES_MIGRATION } from '../notes/notesSchema';
import { SEARCH_MORE_MIGRATION } from '../search/searchMoreSchema';
import { SEARCH_MIGRATION } from '../search/searchSchema';
import { SOURCE_LIST_MIGRATION } from '../sourceList/sourceListSchema';

/**
 * Numbered schema migrations. Append only: a released migration is never edited, because
 * libraries in the field were built by it. `user_version` records the last one applied.
 */
export const migrations: readonly string[] = [
  // 1: sources
  `
  CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    outlet       TEXT,
    author       TEXT,
    published_at TEXT,
    url          TEXT,
    language     TEXT,
    citekey      TEXT NOT NULL UNIQUE,
    body         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    original     BLOB NOT NULL,
    sha256       TEXT NOT NULL UNIQUE,
    imported_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sources_published_at ON sources (published_at);
  CREATE INDEX sources_outlet ON sources (outlet);
  `,
  // 2: highlights, tags, highlight_tags (issue 3)
  HIGHLIGHTS_MIGRATION,
  // 3: full-text search over sources (issue 6)
  SEARCH_MIGRATION,
  // 4: PDF page boundaries (issue 8)
  PAGES_MIGRATION,
  // 5: notes and the citations derived from them (issue 4)
  NOTES_MIGRATION,
  // 6: full-text search over highlights and notes (issue 6)
  SEARCH_MORE_MIGRATION,
  // 7: the indexes the library list sorts and pages by (issue 13)
  SOURCE_LIST_MIGRATION,
];

export const SCHEMA_VERSION = migrations.length;
