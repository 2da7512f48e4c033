import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleLibrary } from '../../../tests/fixtures/libraries/sampleLibrary';
import { Library } from '../library';

/**
 * A library must open in every SQLite tool a researcher may reach for (issue 13): Debian 12's
 * `sqlite3` (3.40) and Python's `sqlite3` module, not only the SQLite better-sqlite3 bundles
 * (3.53). Before migration 7, 3.40 called the whole file "malformed database schema
 * (sources_search_text) - parser stack overflow". Our reading of "nothing newer than 3.31": the
 * schema uses no SQL feature newer than that, except STRICT tables (3.37), which every release the
 * issue names (Debian 12, 3.40; Python's module here, 3.40.1) reads; dropping STRICT would mean
 * rebuilding every table for SQLite releases older than Ubuntu 22.04's.
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
