/**
 * Migration 4: PDF page boundaries (issue 8). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 */
export const MIGRATION_4_PDF_PAGES = `
  CREATE TABLE source_pages (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    page      INTEGER NOT NULL CHECK (page >= 1),
    start     INTEGER NOT NULL CHECK (start >= 0),
    label     TEXT,
    PRIMARY KEY (source_id, page)
  ) STRICT, WITHOUT ROWID;
`;
