import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db/db';
import { backupBeforeMigration, newestGoodBackup } from './backup';
import type { OpenOptions } from './db/openDatabase';
import { LibraryDamagedError, openDatabase } from './db/openDatabase';

/** An open library file. Every core function takes `library.db`, so tests run on temp files. */
export class Library {
  private constructor(
    readonly db: Db,
    readonly path: string,
  ) {}

  /**
   * Opening, checking and backing up, composed: openDatabase opens and checks the file and
   * migrates it; before a migration the backup policy (backup.ts) makes a verified copy, and a
   * damaged library is answered with the newest good backup to restore.
   */
  static open(file: string, options: Omit<OpenOptions, 'beforeMigration'> = {}): Library {
    try {
      return new Library(openDatabase(file, { ...options, beforeMigration: (db) => backupBeforeMigration(db, file) }), path.resolve(file));
    } catch (error) {
      if (error instanceof LibraryDamagedError) throw new LibraryDamagedError(error.file, newestGoodBackup(file)?.file ?? null);
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * The folder holding `samples/` (the seed articles). Found by walking up from this module, so it
 * works from the sources (tsx), from the bundle in out/, and from a packaged app's resources.
 */
export function findResourcesDirectory(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'samples'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`The sample library was not found above ${start}. Reinstall Marginalia.`);
  }
}
