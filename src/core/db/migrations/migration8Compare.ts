/**
 * Migration 8 (issue 11): outlets, collections and the codebook. FROZEN once released: literal text.
 *
 * - Sources keep their outlet by NAME (sources.outlet, as before): every query, the search index
 *   (outlet: searches) and exports read it there. `outlets` holds what a researcher says about an
 *   outlet (its country, a note), keyed by that same name. Renaming or merging an outlet updates
 *   sources.outlet and the outlets row in one transaction (src/core/compare/outlets.ts). An outlet
 *   without a row has no country and no note yet.
 * - country is an ISO 3166-1 alpha-2 code in capitals, or NULL when unknown.
 * - collections: named sets of sources; a source may be in any number of them. name_key is the
 *   case-folded name (tagKey), so "Armenian press" and "armenian press" are one collection.
 * - Codes are the tags of migration 2, unchanged: the hierarchy is written with `/` in the full
 *   name (`framing/blockade-denial`). Each code gains a colour (#rrggbb, or NULL) and a description.
 *   A code with a colour or a description is kept when no passage carries it any more.
 * - sources_passage_facts covers what Passages, the matrix and the timeline read of a source. Article
 *   rows are large (body, original bytes): reading one per passage from the table cost ~10 µs a
 *   passage at 20,000 articles, the index a fraction of it. Queries name it (INDEXED BY), as search
 *   does with sources_id_published_at.
 */
export const MIGRATION_8_COMPARE = `
  CREATE TABLE outlets (
    name     TEXT PRIMARY KEY CHECK (length(name) > 0),
    country  TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
    note     TEXT NOT NULL DEFAULT ''
  ) STRICT;

  CREATE TABLE collections (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
  ) STRICT;

  CREATE TABLE collection_sources (
    collection_id  INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (collection_id, source_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX collection_sources_source ON collection_sources (source_id);

  CREATE INDEX sources_passage_facts ON sources (id, published_at, outlet, title, citekey, author, language);

  ALTER TABLE tags ADD COLUMN color TEXT CHECK (color IS NULL OR (length(color) = 7 AND color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'));
  ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT '';
`;
