/**
 * Migration 15: one-off jobs a library has had done, by name, with when they finished (issue 14:
 * the language backfill the app runs in the background once per library, `languageBackfill.ts`).
 * Literal text, frozen once released; appended to the migrations list.
 */
export const MIGRATION_15_LIBRARY_TASKS = `
  CREATE TABLE library_tasks (
    name TEXT PRIMARY KEY,
    finished_at TEXT NOT NULL
  ) STRICT;
`;
