import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../src/core/db/openDatabase';
import { openDatabase } from '../src/core/db/openDatabase';
import { SEARCH_MIGRATION } from '../src/core/search/searchSchema';

/**
 * A fresh library file under the bench directory, opened as the app opens it (WAL, migrations),
 * plus the search schema while it is not yet wired in as migration 3.
 */
export function openFreshLibrary(directory: string, name: string): { db: Db; file: string } {
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, name);
  removeLibrary(file);
  const db = openDatabase(file);
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sources_fts'").get()) db.exec(SEARCH_MIGRATION);
  return { db, file };
}

export function removeLibrary(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export function fileMegabytes(file: string): number {
  return [file, `${file}-wal`].reduce((total, f) => total + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1048576;
}
