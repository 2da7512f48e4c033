import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleLibrary } from '../../../tests/fixtures/libraries/sampleLibrary';
import { Library } from '../library';

/**
 * A library must open in every SQLite tool a researcher may reach for (issue 13): Debian 12's
 * `sqlite3` (3.40) and Python's `sqlite3` module, not only the SQLite better-sqlite3 bundles
 * (3.53), and SQLite 3.31 (Ubuntu 20.04's), the oldest the issue names ("nothing newer than
 * 3.31"). Before migration 7, 3.40 called the whole file "malformed database schema
 * (sources_search_text) - parser stack overflow"; before migration 16, 3.31 called it malformed
 * too, for STRICT (3.37), which every table then had. An earlier reading let STRICT stand because
 * 3.40 reads it; migration 16 removed it without copying a row, and SQLite 3.31.1 itself now opens
 * the library here: sql.js 1.2.2's `sql-asm.js` is that release compiled to plain JavaScript (no
 * native code, so it runs wherever the tests do; built without FTS5 and JSON1).
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/libraries');

const run = (command: string, args: string[], input?: string) => spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
const sqlite3Version = (() => {
  const result = run('sqlite3', ['--version']);
  return result.status === 0 ? result.stdout.split(' ')[0]! : null;
})();
/**
 * `.recover` reads pages through the sqlite_dbpage table, which Debian 12 builds sqlite3 without
 * (no SQLITE_ENABLE_DBPAGE_VTAB): there it fails on every database, even an empty one. Tried on an
 * empty database first, so a failure on ours is ours.
 */
const recoverProblem = (() => {
  if (sqlite3Version === null) return 'no sqlite3';
  const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-recover-')), 'empty.sqlite');
  const result = run('sqlite3', ['-batch', empty, 'CREATE TABLE t (a);', '.recover']);
  fs.rmSync(path.dirname(empty), { recursive: true, force: true });
  return result.status === 0 && result.stderr === '' ? null : `this sqlite3 ${sqlite3Version} fails .recover on an empty database too (${result.stderr.trim().split('\n').pop()})`;
})();
const pythonVersion = (() => {
  const result = run('python3', ['-c', 'import sqlite3; print(sqlite3.sqlite_version)']);
  return result.status === 0 ? result.stdout.trim() : null;
})();

let dir: string;
/** Libraries to check: a new one written by the app, and the released fixtures upgraded by it. */
const libraries: Record<string, { file: string; counts: Record<string, number> }> = {};

/** Every table's row count as better-sqlite3 sees it (virtual FTS5 tables included). */
function countTables(library: Library): Record<string, number> {
  const tables = library.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((name) => [name, library.db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}

/** Closes a library so that the file alone holds it, as a user copying it somewhere would. */
function settle(library: Library): Record<string, number> {
  const counts = countTables(library);
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  return counts;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-sqlite-tools-'));
  const fresh = path.join(dir, 'new.sqlite');
  libraries.new = { file: fresh, counts: settle(await writeSampleLibrary(fresh)) };
  for (const version of [1, 6]) {
    const file = path.join(dir, `schema-${version}.sqlite`);
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    libraries[`schema-${version} upgraded`] = { file, counts: settle(Library.open(file)) };
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases = ['new', 'schema-1 upgraded', 'schema-6 upgraded'];

describe.skipIf(sqlite3Version === null)(`the sqlite3 command-line tool (${sqlite3Version ?? 'not installed: apt-get install sqlite3'})`, () => {
  it.each(cases)('opens the %s library, counts every table, and finds a folded word', (name) => {
    const { file, counts } = libraries[name]!;
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['sources', 'sources_fts', 'highlights', 'notes', 'search_index']));
    const sql = Object.keys(counts)
      .map((table) => `SELECT '${table}', count(*) FROM "${table}";`)
      .join('\n');
    const result = run('sqlite3', ['-batch', '-bail', '-separator', '\t', file], `PRAGMA integrity_check;\n${sql}\nSELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'peskov';\n`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [integrity, ...lines] = result.stdout.trim().split('\n');
    expect(integrity).toBe('ok');
    const found = lines.pop();
    expect(Object.fromEntries(lines.map((line) => [line.split('\t')[0], Number(line.split('\t')[1])]))).toEqual(counts);
    expect(Number(found)).toBeGreaterThan(0);
  });

  it.each(cases)('dumps the %s library (.dump) into SQL that this sqlite3 loads again whole', (name) => {
    const { file, counts } = libraries[name]!;
    const dump = run('sqlite3', ['-batch', file, '.dump']);
    expect(dump.stderr).toBe('');
    expect(dump.status).toBe(0);
    expect(dump.stdout).toContain('CREATE TABLE sources');
    const copy = path.join(dir, `${name.replace(/\W+/g, '-')}-from-dump.sqlite`);
    const load = run('sqlite3', ['-batch', '-bail', copy], dump.stdout);
    expect(load.stderr).toBe('');
    const reloaded = run('sqlite3', ['-batch', copy, 'SELECT count(*) FROM sources; SELECT count(*) FROM highlights_search_text;']);
    expect(reloaded.stdout.trim().split('\n').map(Number)).toEqual([counts.sources, counts.highlights_search_text]);
  });

  it.skipIf(recoverProblem !== null).each(cases)(`recovers the %s library (.recover)${recoverProblem ? `: skipped, ${recoverProblem}` : ''}`, (name) => {
    const { file, counts } = libraries[name]!;
    const recover = run('sqlite3', ['-batch', file, '.recover']);
    expect(recover.stderr).toBe('');
    expect(recover.status).toBe(0);
    const copy = path.join(dir, `${name.replace(/\W+/g, '-')}-recovered.sqlite`);
    expect(run('sqlite3', ['-batch', copy], recover.stdout).stderr).toBe('');
    expect(Number(run('sqlite3', ['-batch', copy, 'SELECT count(*) FROM sources;']).stdout)).toBe(counts.sources);
  });
});

const PYTHON = `
import hashlib, json, sqlite3, sys, zlib
con = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
tables = [row[0] for row in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
counts = {name: con.execute('SELECT count(*) FROM "%s"' % name).fetchone()[0] for name in tables}
found = con.execute("SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'peskov'").fetchone()[0]
# Every original, decompressed as originalBytes.ts documents, must have the SHA-256 recorded beside it.
originals = {}
for original, compression, body, sha in con.execute('SELECT original, original_compression, body, sha256 FROM sources'):
    if compression == 'zlib-body':
        original = zlib.decompressobj(zdict=body.encode('utf-8')[-32768:]).decompress(original)
    elif compression == 'zlib':
        original = zlib.decompress(original)
    key = str(compression)
    originals[key] = originals.get(key, 0) + (1 if hashlib.sha256(original).hexdigest() == sha else 1000)
print(json.dumps({"integrity": con.execute('PRAGMA integrity_check').fetchone()[0], "counts": counts, "found": found, "originals": originals}))
`;

describe.skipIf(pythonVersion === null)(`Python's sqlite3 module (SQLite ${pythonVersion ?? '-: python3 is not installed'})`, () => {
  it.each(cases)('opens the %s library and counts every table', (name) => {
    const { file, counts } = libraries[name]!;
    const result = run('python3', ['-c', PYTHON, file]);
    expect(result.stderr).toBe('');
    const answer = JSON.parse(result.stdout) as { found: number; originals: Record<string, number> };
    expect(answer).toEqual({ integrity: 'ok', counts, found: expect.any(Number), originals: expect.any(Object) });
    expect(answer.found).toBeGreaterThan(0);
    // A fresh library compresses every original against its body; an upgraded one keeps its old rows as they were.
    expect(answer.originals).toEqual(name === 'new' ? { 'zlib-body': counts.sources } : { None: counts.sources });
  });
});

/** The little of sql.js 1.2.2's API this file uses (the package ships no types). */
interface SqlJsDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  close(): void;
}
type SqlJs = { Database: new (bytes: Uint8Array) => SqlJsDatabase };
const loadSqlite331 = createRequire(import.meta.url)('sql.js/dist/sql-asm.js') as () => Promise<SqlJs>;

/** The library's three FTS5 indexes: virtual tables that SQLite without FTS5 (sql.js) cannot read. */
const FTS5_TABLES = ['highlights_fts', 'notes_fts', 'sources_fts'];

describe('SQLite 3.31.1 (sql.js 1.2.2, the release Ubuntu 20.04 ships)', () => {
  let sqlite331: SqlJs;
  beforeAll(async () => {
    sqlite331 = await loadSqlite331();
  });

  /**
   * The library as SQLite 3.31 gets it: one file, its own consistent copy (VACUUM INTO) switched to
   * a rollback journal, because sql.js reads a database from memory and cannot share a WAL. The
   * sqlite3 of Ubuntu 20.04 reads the library itself, WAL and all (3.31 has WAL); the schema is what
   * it must understand, and the copy has the same schema.
   */
  function copyFor331(name: string): string {
    const copy = path.join(dir, `${name.replace(/\W+/g, '-')}-for-3.31.sqlite`);
    const source = new Database(libraries[name]!.file, { readonly: true });
    source.prepare('VACUUM INTO ?').run(copy);
    source.close();
    const target = new Database(copy);
    target.pragma('journal_mode = DELETE');
    target.close();
    return copy;
  }

  it.each(cases)('opens the %s library, checks it, and counts every table but the FTS5 indexes', (name) => {
    const { counts } = libraries[name]!;
    const copy = copyFor331(name);
    const db = new sqlite331.Database(fs.readFileSync(copy));
    try {
      const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
      expect(rows('SELECT sqlite_version()')).toEqual([['3.31.1']]);
      // 3.31 has no sqlite_schema alias: sqlite_master. Reading it parses every CREATE statement, and
      // a statement this SQLite cannot parse (STRICT, before migration 16) fails here: "malformed database schema".
      const tables = rows("SELECT name, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") as [string, number][];
      expect(tables.map(([table]) => table)).toEqual(Object.keys(counts));
      // The only tables skipped, and why: FTS5 virtual tables need the FTS5 module, which this build lacks.
      // Their shadow tables (sources_fts_data, _idx, _docsize, _config) are ordinary tables, counted below.
      expect(tables.filter(([, virtual]) => virtual).map(([table]) => table)).toEqual(FTS5_TABLES);
      expect(rows('PRAGMA integrity_check')).toEqual([['ok']]);
      const readable = Object.keys(counts).filter((table) => !FTS5_TABLES.includes(table));
      expect(readable).toEqual(expect.arrayContaining(['sources', 'highlights', 'notes', 'sources_fts_data', 'search_index']));
      const counted = Object.fromEntries(readable.map((table) => [table, rows(`SELECT count(*) FROM "${table}"`)[0]![0]]));
      expect(counted).toEqual(Object.fromEntries(readable.map((table) => [table, counts[table]])));
      // The researcher's words, as better-sqlite3 reads them from the same copy.
      const words = ['SELECT exact, comment FROM highlights ORDER BY id', 'SELECT title, plain_text FROM notes ORDER BY id', 'SELECT title, outlet, body FROM sources ORDER BY id'];
      const expected = new Database(copy, { readonly: true });
      try {
        for (const sql of words) expect(rows(sql), sql).toEqual(expected.prepare(sql).raw().all());
      } finally {
        expected.close();
      }
      if (name === 'new') expect(rows(words[0]!)).toEqual([['Dmitriy Peskov told reporters on January 10', 'The Kremlin’s line']]);
    } finally {
      db.close();
    }
  });
});
