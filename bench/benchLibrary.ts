import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../src/core/db/db';
import { openDatabase } from '../src/core/db/openDatabase';

/**
 * A fresh library file under the bench directory, opened as the app opens it (WAL, migrations),
 * or, given `rawSchema`, a floor's file holding only that schema.
 */
export function openFreshLibrary(directory: string, name: string, rawSchema?: string): { db: Db; file: string } {
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, name);
  removeLibrary(file);
  if (rawSchema !== undefined) {
    // A floor's file: the same SQLite, WAL and synchronous setting as a library, none of its schema.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(rawSchema);
    return { db, file };
  }
  const db = openDatabase(file);
  return { db, file };
}

export function removeLibrary(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export function fileMegabytes(file: string): number {
  return [file, `${file}-wal`].reduce((total, f) => total + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1048576;
}
