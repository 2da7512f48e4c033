import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const describe = (error: unknown, what: string): string =>
  (error as NodeJS.ErrnoException).code === 'EROFS' ? `${what} is on a read-only disk or mount` : `${what} is not writable by you (permission denied)`;

/**
 * Why this process cannot write the library, or null when it can: the file itself, or its folder
 * (SQLite writes its -wal and -shm files, and backups go, beside the library). A missing file is
 * judged by its folder, where it would be created.
 */
export function whyNotWritable(file: string): string | null {
  const resolved = path.resolve(file);
  if (fs.existsSync(resolved)) {
    try {
      fs.accessSync(resolved, fs.constants.W_OK);
    } catch (error) {
      return describe(error, `the file ${resolved}`);
    }
  }
  let folder = path.dirname(resolved);
  // A folder still to be created is judged by the nearest one that exists.
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    return describe(error, `the folder ${folder}`);
  }
  return null;
}

/**
 * Opens a library read-only. A library in WAL mode needs a -shm file beside it even to be read;
 * where its folder cannot take one (a read-only folder or mount), a snapshot copy in the temporary
 * folder is read instead: the library itself is never written to.
 */
export function openReadOnlyDatabase(file: string, nativeBinding: string | undefined): Database.Database {
  const open = (name: string) => new Database(name, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const db = open(file);
    db.pragma('user_version'); // the first read is where WAL's -shm is needed
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN' && !code.startsWith('SQLITE_READONLY')) throw error;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-read-only-'));
  const copy = path.join(folder, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  // Removed when this process ends; the copy is only ever read.
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return open(copy);
}
