import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_FOLD } from '../../shared/search/fold';
import { ensureSearchIndex, indexedFoldVersion } from '../search/searchIndex';
import { holdWritesUntilChecked } from './integrityCheck';
import { migrations, SCHEMA_TEXT_EDITS, SCHEMA_VERSION } from './migrations';
import { BUSY_TIMEOUT_MILLISECONDS, writeTransaction } from './writeTransaction';
import { markReadOnly } from './readOnly';
import { openReadOnlyDatabase, whyNotWritable } from './readOnlyOpen';
import type { Db } from './db';

export class LibraryOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryOpenError';
  }
}

/**
 * The library failed SQLite's quick check at open (one that had to be written to at once: a
 * migration, a switch to WAL, a rebuilt index), or SQLite found it malformed: it was not opened. `newestGoodBackup` is
 * undefined when no one looked (openDatabase alone knows nothing of backups: Library.open looks).
 */
export class LibraryDamagedError extends LibraryOpenError {
  constructor(
    readonly file: string,
    readonly newestGoodBackup?: string | null,
  ) {
    super(
      `The library ${file} is damaged (it failed SQLite's quick check), so it was not opened and nothing was written to it. ` +
        (newestGoodBackup
          ? `The newest good backup is ${newestGoodBackup}: restore it with "Restore from backup" in the app or \`marginalia restore ${newestGoodBackup}\`.`
          : newestGoodBackup === null
            ? 'No good backup was found beside it; keep a copy of the file and ask for help before changing it.'
            : 'Keep a copy of the file and restore a backup (`marginalia restore FILE`).'),
    );
    this.name = 'LibraryDamagedError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron); see README. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Called once before an existing library's schema is upgraded, with the library open but not yet
   * changed; if it throws, nothing is migrated. Library.open makes the verified backup here.
   */
  beforeMigration?: (db: Db, fromVersion: number) => void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads the file's header without opening it in SQLite, so a file we must refuse is never touched:
 * opening a WAL database creates -wal and -shm files even to read it. Returns the user_version
 * (0 for a missing or empty file, which becomes a new library) and whether the file is in WAL mode
 * already (header bytes 18-19 are 2; switching to WAL writes the header).
 */
function readHeader(file: string): { version: number; wal: boolean } {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(100);
      header = header.subarray(0, fs.readSync(fd, header, 0, 100, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { version: 0, wal: false };
    if (code === 'EACCES' || code === 'EPERM') throw new LibraryOpenError(`Cannot open the library ${file}: you do not have permission to read it. Ask its owner, or choose another library with --library.`);
    throw new LibraryOpenError(`Cannot open the library ${file}: ${(error as Error).message}`);
  }
  if (header.length === 0) return { version: 0, wal: false };
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new LibraryOpenError(`The file ${file} is not a Marginalia library (it is not an SQLite database). It has not been changed. Choose a library file, or a new file name to start one.`);
  }
  return { version: header.readUInt32BE(60), wal: header[18] === 2 && header[19] === 2 };
}

function refuseNewer(file: string, version: number): LibraryOpenError {
  return new LibraryOpenError(
    `The library ${file} was written by a newer version of Marginalia (schema ${version}; this version knows ${SCHEMA_VERSION}). ` +
      'It has not been changed. Update Marginalia to open it.',
  );
}

/**
 * Opens (creating if needed) a library file: WAL, foreign keys on, migrations applied.
 * A file written by a newer Marginalia is refused before anything is written to it. No backups
 * here: the app opens a library through Library.open (src/core/library.ts), which adds them.
 *
 * Only the cheap checks run here (the header, the schema's tables, the user_version). SQLite's
 * quick check reads the whole file, so it runs here only when the open itself must write (a
 * migration, the switch to WAL, a rebuilt search index); otherwise the connection's writes are
 * held until it has passed (integrityCheck.ts), and the library is readable at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const header = readHeader(file);
  const headerVersion = header.version;
  if (headerVersion > SCHEMA_VERSION) throw refuseNewer(file, headerVersion);
  const nativeBinding = options.nativeBinding ?? process.env.MARGINALIA_SQLITE_BINDING;
  // A library this process may not write (file, folder or mount) opens read-only, saying why.
  const notWritable = options.readonly ? null : whyNotWritable(file);
  if (notWritable !== null && !fs.existsSync(file)) {
    throw new LibraryOpenError(`Cannot create the library ${path.resolve(file)}: ${notWritable}. Choose a folder you can write to (--library FILE).`);
  }
  const readonly = options.readonly === true || notWritable !== null;
  if (!readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = readonly ? openReadOnlyDatabase(file, nativeBinding) : new Database(file, { nativeBinding });
  } catch (error) {
    throw new LibraryOpenError(`Cannot open the library ${file}: ${(error as Error).message}`);
  }
  if (notWritable !== null) markReadOnly(db, notWritable);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    // Checked again: a newer version's last commits may still sit in a -wal file beside it.
    if (version > SCHEMA_VERSION) throw refuseNewer(file, version);
    // Another program's database: migrating it would write our tables (and WAL mode) into it.
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n;
    if (version === 0 && tables > 0) {
      throw new LibraryOpenError(`The file ${file} is an SQLite database of another program, not a Marginalia library. It has not been changed. Choose a library file, or a new file name to start one.`);
    }
    // A damaged library is never written to: the user is offered the newest good backup instead.
    // An open that writes checks first; any other open holds its writes until the check passes.
    if (version > 0) {
      const writesNow = !readonly && (version < SCHEMA_VERSION || !header.wal || indexedFoldVersion(db) !== SEARCH_FOLD.version);
      // A read-only connection never writes (writeTransaction refuses, saying why): nothing to hold.
      if (!writesNow) {
        if (!readonly) holdWritesUntilChecked(db, path.resolve(file));
      } else if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new LibraryDamagedError(path.resolve(file));
    }
    if (notWritable !== null && version < SCHEMA_VERSION) {
      throw new LibraryOpenError(
        `The library ${path.resolve(file)} cannot be opened: ${notWritable}, and it ${version === 0 ? 'is empty' : `was written by an older version of Marginalia (schema ${version}), which must upgrade it first`}. Make it writable, or open a copy.`,
      );
    }
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives a crash of the process at any instant; only a power
      // loss may drop the last commits, and never corrupts the file (see README, Durability).
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MILLISECONDS}`);
    }
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      // An existing library is copied (by the caller's policy) before its schema changes.
      if (version > 0 && version < SCHEMA_VERSION) options.beforeMigration?.(db, version);
      migrate(db, version, path.resolve(file));
      // After migration 7, or when the search fold changed: the indexes are rebuilt (searchIndex.ts).
      ensureSearchIndex(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof LibraryOpenError) throw error;
    // SQLite found the file malformed before the quick check could run: damaged just the same.
    if (/^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '')) throw new LibraryDamagedError(path.resolve(file));
    throw new LibraryOpenError(`Cannot open the library ${file}: ${(error as Error).message.replace(/\.$/, '')}. Is it a Marginalia library?`);
  }
}

function migrate(db: Db, from: number, file: string): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const number = version + 1;
    const textEdit = SCHEMA_TEXT_EDITS.get(number);
    writeTransaction(db, () => {
      if (textEdit) editSchemaText(db, file, number, migrations[version]!, textEdit.leftUndone);
      else db.exec(migrations[version]!);
      db.pragma(`user_version = ${number}`);
    });
  }
}

/**
 * SQLite's procedure for a schema change that leaves the stored rows as they are (the ALTER TABLE
 * page, "Making Other Kinds Of Table Schema Changes"), inside the migration's transaction: the
 * migration's UPDATEs of sqlite_schema run with `writable_schema` on (which better-sqlite3's
 * defensive mode refuses, hence unsafeMode for those statements alone); `schema_version` goes up
 * by one, so that every connection, this one included, reads the schema again before its next
 * statement; then the edit is checked. A check that fails throws, the transaction rolls back, and
 * the library is as it was.
 */
function editSchemaText(db: Db, file: string, number: number, sql: string, leftUndone: string): void {
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    try {
      db.exec(sql);
      db.pragma(`schema_version = ${schemaVersion + 1}`);
    } finally {
      db.pragma('writable_schema = OFF');
    }
  } finally {
    db.unsafeMode(false);
  }
  const undone = db.prepare(leftUndone).pluck().all() as string[];
  // quick_check, not integrity_check: an edit of a table's text leaves every record and index as
  // it was, so the one check integrity_check adds (that each index holds what its table does) can
  // find nothing new here; quick_check still reads every page and record through the new schema
  // (its columns, NOT NULL and CHECK), which is what the edit could break. At 100,000 articles the
  // upgrade took 8.6 s with integrity_check, 5.2 s with quick_check.
  const integrity = undone.length > 0 ? [] : (db.prepare('PRAGMA quick_check').pluck().all() as string[]);
  if (undone.length > 0 || integrity.join() !== 'ok') {
    throw new LibraryOpenError(
      `The library ${file} could not be upgraded to schema ${number}: ` +
        (undone.length > 0 ? `the upgrade left ${undone.join(', ')} as ${undone.length === 1 ? 'it was' : 'they were'} (a table Marginalia did not create?)` : `SQLite's integrity check after it said "${integrity[0]}"`) +
        '. The upgrade was undone: the library is as it was, and this version of Marginalia cannot open it. Keep the file and ask for help.',
    );
  }
}
