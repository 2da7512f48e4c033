/**
 * Migration 1: sources (the first slice). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 */
export const MIGRATION_1_SOURCES = `
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
  `;
