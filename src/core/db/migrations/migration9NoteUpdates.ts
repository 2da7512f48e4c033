/**
 * Migration 9: A note's Yjs document, stored as its update log (issue 12, item 1: two windows, one note). The
 * note's truth is the log; notes.editor_state, plain_text and the citations rows are derived from
 * it in the transaction that appends each update (src/core/notes/noteDocs.ts), so export, search
 * and backlinks read what they read before.
 *
 * - One row per update a window sent (or the seed built once from the note's saved editor state);
 *   `id` orders them. Compaction replaces a note's rows by one merged update, in one transaction.
 * - `origin` is who sent it (a window's client id, "seed", "library" for saveNote), for diagnosis.
 * - Rows go with their note (ON DELETE CASCADE), so purging a deleted note purges its log.
 *
 * Literal text, frozen once released: never built from live constants.
 */
export const MIGRATION_9_NOTE_UPDATES = `
  CREATE TABLE note_updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    update_data BLOB NOT NULL,
    origin      TEXT NOT NULL,
    created_at  TEXT NOT NULL
  ) STRICT;
  CREATE INDEX note_updates_note ON note_updates (note_id, id);
`;
