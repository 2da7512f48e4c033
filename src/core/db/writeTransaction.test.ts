import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { writeTransaction } from './writeTransaction';

let dir: string;
let library: Library;
let other: Database.Database;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-write-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  other = new Database(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  other.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers unavailable, in words, when the library stays busy past the timeout; nothing is written', async () => {
  library.db.pragma('busy_timeout = 100');
  other.exec('BEGIN IMMEDIATE');
  const handlers = createHandlers(library);
  const result = await dispatch(handlers, 'createNote', { title: 'Blocked' });
  expect(result).toEqual({
    ok: false,
    error: { code: 'unavailable', message: expect.stringMatching(/^The library is busy: another window or program .* so this change was not saved\. Try again in a moment\.$/) },
  });
  other.exec('COMMIT');
  expect(library.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
});

it('is a savepoint inside another transaction: an inner failure undoes only itself', () => {
  library.db.exec('CREATE TABLE t (n INTEGER)');
  writeTransaction(library.db, () => {
    library.db.prepare('INSERT INTO t VALUES (1)').run();
    expect(() =>
      writeTransaction(library.db, () => {
        library.db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('inner');
      }),
    ).toThrow('inner');
  });
  expect(library.db.prepare('SELECT n FROM t').pluck().all()).toEqual([1]);
});
