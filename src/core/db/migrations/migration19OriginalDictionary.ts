/**
 * Migration 19: correcting the text near the start of a long source is no longer refused (issue 13's
 * compressed originals). Literal text, frozen once released; appended to the migrations list.
 *
 * A 'zlib-body' original is compressed with the body's last 32 KB of UTF-8 as its preset dictionary
 * (originalBytes.ts), so it can be read back with any body that ends in those same bytes. Migration
 * 7's trigger refused every change to the body that left the original as it was, to catch a tool
 * changing the text alone. But a correction that leaves the last 32 KB alone (a typo fixed near the
 * top of a 50,000-character article) re-encodes the original to the very same bytes, and the
 * trigger refused Marginalia's own Correct text. It now refuses only what breaks the original: the
 * dictionary changed, the original not re-encoded. `substr` of a blob counts bytes, from the end
 * when negative, and a body shorter than 32 KB is taken whole, as dictionary() takes it. Nothing
 * newer than SQLite 3.31.
 */
export const MIGRATION_19_ORIGINAL_DICTIONARY = `
  DROP TRIGGER sources_original_follows_body;
  CREATE TRIGGER sources_original_follows_body BEFORE UPDATE OF body ON sources
    WHEN old.original_compression = 'zlib-body' AND new.original IS old.original
      AND substr(CAST(new.body AS BLOB), -32768) IS NOT substr(CAST(old.body AS BLOB), -32768)
  BEGIN
    SELECT RAISE(ABORT, 'The original bytes of this source are compressed against its text; change the text with Marginalia (Correct text), which re-encodes them.');
  END;
`;
