import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupLibrary, listBackups, verifyLibraryFile } from '../backup';
import { Library } from '../library';
import { timeline } from '../compare/timeline';
import { searchLibrary } from '../search';
import { listSources } from '../sources';
import { SCHEMA_VERSION } from './migrations';
import { LibraryDamagedError, LibraryOpenError } from './openDatabase';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/libraries');
const fixtureVersions = fs
  .readdirSync(FIXTURES)
  .map((name) => Number(name.match(/^schema-(\d+)\.sqlite$/)?.[1]))
  .filter((version) => Number.isInteger(version))
  .sort((a, b) => a - b);

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-upgrade-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Every schema a release shipped. A release that adds migration N appends N here and commits
 * tests/fixtures/libraries/schema-N.sqlite, made by makeFixture.ts at that release.
 */
const RELEASED_SCHEMAS = [1, 6, 10, 13, 15, 17, 18];

/** sqlite_schema without rootpages, in a fixed order, white space collapsed. */
function schemaOf(db: Library['db']): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((row) => ({ ...row, sql: row.sql === null ? null : row.sql.replace(/\s+/g, ' ').trim() }));
}

describe('upgrading libraries from every released schema', () => {
  it('has a fixture for every released schema, each holding the schema its name says', () => {
    for (const version of RELEASED_SCHEMAS) expect(fixtureVersions).toContain(version);
    expect(Math.max(...RELEASED_SCHEMAS)).toBeLessThanOrEqual(SCHEMA_VERSION);
    for (const version of fixtureVersions) {
      const bytes = fs.readFileSync(path.join(FIXTURES, `schema-${version}.sqlite`));
      expect(bytes.readUInt32BE(60)).toBe(version);
    }
  });

  it.each(fixtureVersions)('upgrades a schema-%i library to exactly the schema of a new library', (version) => {
    const fresh = Library.open(path.join(dir, 'fresh.sqlite'));
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    const upgraded = Library.open(file);
    try {
      expect(schemaOf(upgraded.db)).toEqual(schemaOf(fresh.db));
      expect(schemaOf(fresh.db).some((row) => row.name === 'search_index')).toBe(true);
    } finally {
      fresh.close();
      upgraded.close();
    }
  });

  it.each(fixtureVersions)('opens a schema-%i library, upgrades it, and loses nothing', (version) => {
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    const library = Library.open(file);
    try {
      expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const sources = listSources(library.db, { sort: 'title' });
      expect(sources).toHaveLength(5);
      expect(sources.find((source) => source.outlet === 'UrduPoint (edited)')?.language).toBe('en');
      expect(sources.find((source) => source.author === 'Fatima Hasanova')?.publishedAt).toBe('2023-01-11');
      // Whatever the release could hold is still there, and found by search (its indexes are rebuilt by their migrations).
      expect(searchLibrary(library.db, 'Peskov', { limit: 20 }).results.some((result) => result.type === 'source')).toBe(true);
      if (version >= 2) {
        const highlights = library.db.prepare('SELECT exact, comment FROM highlights').all();
        expect(highlights).toEqual([{ exact: 'Dmitriy Peskov told reporters on January 10', comment: 'The Kremlin’s line' }]);
        expect(library.db.prepare('SELECT name FROM tags ORDER BY name').pluck().all()).toEqual(['peacekeepers', 'Россия']);
      }
      if (version >= 5) {
        expect(library.db.prepare('SELECT title FROM notes').pluck().all()).toEqual(['Who decides on UN peacekeepers']);
        expect(library.db.prepare('SELECT count(*) FROM citations').pluck().get()).toBe(2);
        expect(searchLibrary(library.db, 'fact-finding type:note', { limit: 20 }).results).toHaveLength(1);
      }
    } finally {
      library.close();
    }
    if (version < SCHEMA_VERSION) {
      const [backup] = listBackups(file);
      expect(backup?.reason).toBe('before-migration');
      expect(verifyLibraryFile(backup!.file)).toBe(true);
    }
  });
});

/** The tables SQLite holds as STRICT, as a connection sees them (its parsed schema, not the text). */
const strictTables = (db: Library['db']) => db.prepare('SELECT name FROM pragma_table_list WHERE strict ORDER BY name').pluck().all();

describe('migration 16: no STRICT table, so that SQLite 3.31 reads the library', () => {
  it('leaves no STRICT table in a new library or an upgraded one, nor in a connection that was open during the upgrade', () => {
    const fresh = Library.open(path.join(dir, 'fresh.sqlite'));
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'schema-15.sqlite'), file);
    // Another program reading the library while it is upgraded (a second window, the CLI).
    const other = new Database(file, { readonly: true });
    expect(strictTables(other)).toHaveLength(16);
    const upgraded = Library.open(file);
    try {
      expect(strictTables(fresh.db)).toEqual([]);
      expect(strictTables(upgraded.db)).toEqual([]);
      expect(strictTables(other)).toEqual([]);
      expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every row is where it was: the edit copied none.
      expect(listSources(upgraded.db, { sort: 'title' })).toHaveLength(5);
      expect(upgraded.db.prepare('SELECT title FROM notes').pluck().all()).toEqual(['Who decides on UN peacekeepers']);
    } finally {
      other.close();
      fresh.close();
      upgraded.close();
    }
  });

  it('is undone, and says so, when a STRICT table it does not know is left', () => {
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'schema-15.sqlite'), file);
    const raw = new Database(file);
    raw.exec('CREATE TABLE my_codes (code TEXT NOT NULL) strict');
    raw.close();
    expect(() => Library.open(file)).toThrow(LibraryOpenError);
    expect(() => Library.open(file)).toThrow(`The library ${path.resolve(file)} could not be upgraded to schema 16: the upgrade left my_codes as it was`);
    const after = new Database(file, { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(15);
      expect(strictTables(after)).toHaveLength(17);
      expect(after.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(5);
    } finally {
      after.close();
    }
  });
});

describe('migration 18: the timeline passages, counted when a library is upgraded', () => {
  it.each(fixtureVersions.filter((version) => version >= 2))('counts the passages of a schema-%i library on its timeline, once and per code', (version) => {
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    const library = Library.open(file);
    try {
      const drawn = timeline(library.db);
      const marks = drawn.lanes.flatMap((lane) => lane.marks).filter((mark) => mark.passageCount > 0);
      const named = (codes: [number, number][]) => codes.map(([index, passages]) => ({ code: drawn.codes[index]?.name, passages }));
      expect(marks.map((mark) => [mark.from, mark.passageCount, named(mark.codes)])).toEqual([
        ['2023-01-11', 1, [{ code: 'peacekeepers', passages: 1 }, { code: 'Россия', passages: 1 }]],
      ]);
    } finally {
      library.close();
    }
  });
});

describe('a damaged library', () => {
  it('is not opened for writing, is left as it was, and the newest good backup is offered', async () => {
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `schema-${fixtureVersions.at(-1)}.sqlite`), file);
    const library = Library.open(file);
    const backup = await backupLibrary(library.db, file, 'manual');
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    library.db.pragma('journal_mode = DELETE');
    library.close();

    // Scribble over the middle of the file (the table pages), as a failing disk would.
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    fs.writeFileSync(file, bytes);
    const before = sha(file);

    let error: unknown;
    try {
      Library.open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect((error as LibraryDamagedError).newestGoodBackup).toBe(backup.file);
    expect((error as Error).message).toContain(`marginalia restore ${backup.file}`);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('restoring over a damaged library', () => {
  it('moves the damaged file aside and restores the backup', async () => {
    const { restoreLibrary } = await import('../backup');
    const file = path.join(dir, 'library.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `schema-${fixtureVersions.at(-1)}.sqlite`), file);
    const library = Library.open(file);
    const backup = await backupLibrary(library.db, file, 'manual');
    library.close();
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 100), Buffer.alloc(20_000, 0x5a)]));
    expect(() => Library.open(file)).toThrow(LibraryDamagedError);

    await restoreLibrary(file, backup.file);
    const restored = Library.open(file);
    expect(listSources(restored.db)).toHaveLength(5);
    restored.close();
    expect(fs.readdirSync(dir).some((name) => name.startsWith('library.sqlite.damaged-'))).toBe(true);
  });
});
