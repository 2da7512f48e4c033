/**
 * Migration 5: notes and the citations derived from them (issue 4). FROZEN: the exact text libraries in the field were built with (issue 13).
 * Never edit it; change the schema with a new migration appended to ../migrations.ts.
 *
 * The schema, and why (from the feature file that held it until issue 13):
 * Notes and the citations derived from them (issue 4). The integrator appends this to
 * src/core/db/migrations.ts (as migration 5); until then tests apply it themselves
 * (notesTestLibrary.ts).
 *
 * - notes.editor_state is the Lexical editor state as JSON; plain_text is derived from it on every
 *   save (src/shared/notes/readEditorState.ts) for search.
 * - deleted_at makes deletion undoable: a deleted note is hidden everywhere and purged later
 *   (purgeDeletedNotes).
 * - citations rows are rebuilt from the editor state in the save's transaction, so backlinks
 *   ("cited in") are an indexed query. ordinal is the citation's place in the note, in document
 *   order. source_id goes NULL when the source is deleted (the note keeps its snapshot).
 *   highlight_id has no foreign key: the highlights table comes from another migration, and a
 *   citation of a deleted highlight must survive it; queries treat an id with no highlight row as
 *   "passage deleted".
 * - UNIQUE (note_id, ordinal) is also the index the save's DELETE and the ON DELETE CASCADE use.
 */
export const MIGRATION_5_NOTES = `
  CREATE TABLE notes (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    editor_state  TEXT NOT NULL,
    plain_text    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
  ) STRICT;
  CREATE INDEX notes_recent ON notes (deleted_at, updated_at);

  CREATE TABLE citations (
    id            INTEGER PRIMARY KEY,
    note_id       INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    source_id     INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    highlight_id  INTEGER,
    UNIQUE (note_id, ordinal)
  ) STRICT;
  CREATE INDEX citations_source ON citations (source_id);
  CREATE INDEX citations_highlight ON citations (highlight_id);
`;
