/**
 * Migration 16 (issue 13, item 3: "the schema then uses nothing newer than SQLite 3.31"): every
 * table loses STRICT (SQLite 3.37), the one thing that kept SQLite 3.31 (Ubuntu 20.04's sqlite3 and
 * Python's module there) from reading the library: it calls the whole file "malformed database
 * schema". FROZEN once released: literal text, nothing interpolated.
 *
 * No row is copied. STRICT only checks values as they are written; the stored records of a STRICT
 * table and of the same table without it are the same bytes. So the edit is SQLite's documented
 * "simpler procedure" for a change that leaves the on-disk content as it is (lang_altertable.html,
 * section "Making Other Kinds Of Table Schema Changes"): the CREATE TABLE text in sqlite_schema is
 * rewritten in place, in the migration's transaction. The 12 tables ending `) STRICT` lose the
 * word; the 4 ending `) STRICT, WITHOUT ROWID` keep `WITHOUT ROWID`. Every CREATE TABLE text ends
 * at its last token (SQLite stores no trailing space or semicolon), so the tails are exact.
 *
 * This text alone is not the procedure: the runner (openDatabase.ts, SCHEMA_TEXT_EDITS in
 * migrations.ts) runs it with SQLite's defensive mode off and `writable_schema` on, then raises
 * `schema_version` by one (so this connection and every other one reload the schema), turns
 * `writable_schema` off, and checks MIGRATION_16_LEFT_STRICT names no table and quick_check is
 * ok before the transaction commits; otherwise it rolls back and the library is left as it was.
 */
export const MIGRATION_16_NOT_STRICT = `
  UPDATE sqlite_schema SET sql = substr(sql, 1, length(sql) - 23) || ') WITHOUT ROWID'
    WHERE type = 'table' AND substr(sql, -23) = ') STRICT, WITHOUT ROWID';
  UPDATE sqlite_schema SET sql = substr(sql, 1, length(sql) - 7)
    WHERE type = 'table' AND substr(sql, -8) = ') STRICT';
`;

/** The tables migration 16 should have changed and did not: after it, this names none. */
export const MIGRATION_16_LEFT_STRICT = `SELECT name FROM pragma_table_list WHERE strict ORDER BY name`;
