/**
 * Migration 10: Indexes the library list sorts and pages by (issue 13: the library at 100,000 articles). Each is
 * the sort key exactly as src/core/sourceList/listSourcePage.ts writes it, then the id, so a page
 * is a range read of one index in either direction (keyset: `(key, id) > (last key, last id)`),
 * never a sort of every row. Literal text, frozen once released; appended to the migrations list.
 */
export const MIGRATION_10_SOURCE_LIST = `
  CREATE INDEX sources_list_date ON sources (coalesce(published_at, ''), id);
  CREATE INDEX sources_list_title ON sources (title COLLATE NOCASE, id);
  CREATE INDEX sources_list_outlet ON sources (coalesce(outlet, '') COLLATE NOCASE, id);
  CREATE INDEX sources_list_author ON sources (coalesce(author, '') COLLATE NOCASE, id);
  CREATE INDEX sources_list_language ON sources (language);
  -- The default order within one outlet, the commonest filter: one range, not a sort of the outlet's rows.
  CREATE INDEX sources_list_outlet_date ON sources (outlet, coalesce(published_at, ''), id);
`;
