import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class LibraryOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryOpenError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron); see README. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) a library file: WAL, foreign keys on, migrations applied.
 * A file written by a newer Marginalia is refused before anything is written to it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      nativeBinding: options.nativeBinding ?? process.env.MARGINALIA_SQLITE_BINDING,
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new LibraryOpenError(`Cannot open the library ${file}: ${(error as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new LibraryOpenError(
        `The library ${file} was written by a newer version of Marginalia (schema ${version}; this version knows ${SCHEMA_VERSION}). ` +
          'It has not been changed. Update Marginalia to open it.',
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives a crash of the process at any instant; only a power
      // loss may drop the last commits, and never corrupts the file (see README, Durability).
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, version);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof LibraryOpenError) throw error;
    throw new LibraryOpenError(`Cannot open the library ${file}: ${(error as Error).message}. Is it a Marginalia library?`);
  }
}

function migrate(db: Db, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
