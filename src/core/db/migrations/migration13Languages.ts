/**
 * Migration 13: whether a source's citekey was chosen by the researcher, and whether its title was
 * made by the importer (issue 14). Literal text, frozen once released; appended to the migrations list.
 *
 * - citekey_pinned: 1 when the researcher typed the key; an unpinned key is made again from author
 *   or outlet, year and title whenever those change. Keys made before this migration are pinned:
 *   a manuscript may already cite them, and which of them were typed by hand is not recorded.
 * - title_derived: 1 when the file had no title and it was made from the first sentence (or the
 *   file name); shown marked, exported in square brackets. Older sources are 0: which of their
 *   titles were made is not recorded, and a title the researcher kept is not to be bracketed.
 */
export const MIGRATION_13_LANGUAGES = `
  ALTER TABLE sources ADD COLUMN citekey_pinned INTEGER NOT NULL DEFAULT 0 CHECK (citekey_pinned IN (0, 1));
  ALTER TABLE sources ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0 CHECK (title_derived IN (0, 1));
  UPDATE sources SET citekey_pinned = 1;
`;
