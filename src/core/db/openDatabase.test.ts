import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations';
import { LibraryOpenError, openDatabase } from './openDatabase';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-db-'));
  file = path.join(dir, 'library.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (target: string) => createHash('sha256').update(fs.readFileSync(target)).digest('hex');
const siblings = () => fs.readdirSync(dir).sort();

function openError(target: string): LibraryOpenError {
  try {
    openDatabase(target).close();
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryOpenError);
    return error as LibraryOpenError;
  }
  throw new Error(`expected ${target} to be refused`);
}

describe('openDatabase', () => {
  it('creates a library (and its folder) in WAL mode with foreign keys on and every migration applied', () => {
    const nested = path.join(dir, 'a', 'b', 'library.sqlite');
    const db = openDatabase(nested);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'sources'").get()).toEqual({ name: 'sources' });
    db.close();
  });

  it('reopens an existing library without migrating it again, keeping its rows', () => {
    const db = openDatabase(file);
    db.prepare("INSERT INTO sources (title, citekey, body, file_name, original, sha256, imported_at) VALUES ('T', 'k', 'b', 'f', x'00', 'h', 'now')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 1 });
    again.close();
  });

  it('migrates an old library from its user_version', () => {
    new Database(file).close(); // user_version 0, no tables: a brand-new file
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it.each([false, true])('refuses a library from a newer Marginalia and leaves its bytes untouched (WAL: %s)', (wal) => {
    const newer = new Database(file);
    if (wal) newer.pragma('journal_mode = WAL');
    newer.exec('CREATE TABLE future (x TEXT); INSERT INTO future VALUES (1)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = sha(file);
    const filesBefore = siblings();

    const error = openError(file);
    expect(error.message).toBe(
      `The library ${file} was written by a newer version of Marginalia (schema ${SCHEMA_VERSION + 1}; this version knows ${SCHEMA_VERSION}). It has not been changed. Update Marginalia to open it.`,
    );
    expect(sha(file)).toBe(before);
    expect(siblings()).toEqual(filesBefore); // no -wal or -shm left behind
    expect(siblings()).not.toContain('library.sqlite-wal');
  });

  it('refuses a file that is not SQLite, naming it, and leaves it untouched', () => {
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(10));
    const before = sha(file);
    expect(openError(file).message).toBe(
      `The file ${file} is not a Marginalia library (it is not an SQLite database). It has not been changed. Choose a library file, or a new file name to start one.`,
    );
    expect(sha(file)).toBe(before);
    expect(siblings()).toEqual(['library.sqlite']);
  });

  it('refuses a file shorter than an SQLite header', () => {
    fs.writeFileSync(file, 'SQLite');
    expect(openError(file).message).toMatch(/is not a Marginalia library/);
  });

  it("refuses another program's SQLite database instead of writing our tables into it", () => {
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = sha(file);
    expect(openError(file).message).toMatch(/is an SQLite database of another program, not a Marginalia library\. It has not been changed\./);
    expect(sha(file)).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('opens an empty file as a new library', () => {
    fs.writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('opens read-only without migrating, and refuses a missing file', () => {
    openDatabase(file).close();
    const db = openDatabase(file, { readonly: true });
    expect(() => db.exec('DELETE FROM sources')).toThrow(/readonly/);
    db.close();
    expect(() => openDatabase(path.join(dir, 'absent.sqlite'), { readonly: true })).toThrow(LibraryOpenError);
  });
});
