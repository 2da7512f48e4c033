import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/db';
import type { IntegrityCheckOptions } from './db/integrityCheck';
import { CheckStopped, verifyFileInWorker } from './db/integrityCheck';
import { readOnlyReason } from './db/readOnly';

/**
 * Backups of a library, beside it in `backups/`: daily (the first open of a day), before every
 * migration, and on request. Each is written with SQLite's online backup API (a consistent copy
 * while the library stays open), then opened and integrity-checked; a copy that fails the check is
 * deleted and reported. The newest KEEP_BACKUPS are kept.
 */
export const KEEP_BACKUPS = 10;

/**
 * The daily backup starts once the windows have sent nothing for QUIET_MS (opening the library
 * and its first views come first: the copy and its integrity check are about 5 s of CPU at
 * 100,000 articles, a whole core of a small machine), or LATEST_MS after the library opened
 * however busy they are (LibraryHandlers.lull).
 */
export const DAILY_BACKUP_LULL = { quietMs: 5_000, latestMs: 5 * 60_000 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'daily' | 'manual' | 'before-migration' | 'before-restore';

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

export function backupDirectory(libraryPath: string): string {
  return path.join(path.dirname(path.resolve(libraryPath)), 'backups');
}

function backupName(libraryPath: string, reason: BackupReason, now: Date): string {
  const stem = path.basename(libraryPath).replace(/\.[^.]+$/, '');
  return `${stem}-${now.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

const NAME_PATTERN = /-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.sqlite$/;

export function listBackups(libraryPath: string): BackupInfo[] {
  const dir = backupDirectory(libraryPath);
  if (!fs.existsSync(dir)) return [];
  const stem = path.basename(libraryPath).replace(/\.[^.]+$/, '');
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-`) && NAME_PATTERN.test(name))
    .map((name) => {
      const [, stamp, reason] = name.match(NAME_PATTERN)!;
      const createdAt = stamp!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
      return { file: path.join(dir, name), name, createdAt, reason: reason!, bytes: fs.statSync(path.join(dir, name)).size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Opens a copy read-only and runs SQLite's full integrity check; true when it is sound. */
export function verifyLibraryFile(file: string): boolean {
  try {
    const copy = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: process.env.MARGINALIA_SQLITE_BINDING });
    try {
      return copy.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      copy.close();
    }
  } catch {
    return false;
  }
}

/** A backup's file with the WAL and shared-memory files SQLite may have left beside it. */
function removeBackupFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

function rotate(libraryPath: string): void {
  for (const old of listBackups(libraryPath).slice(KEEP_BACKUPS)) removeBackupFile(old.file);
}

/**
 * The online backup copies the library's pages, header included, so the copy says it is in WAL
 * mode, and any reader of it (the check, a restore, another tool) leaves a `-wal` and a `-shm` file
 * beside it. Switched to a rollback journal, the copy is one self-contained file.
 */
function makeSelfContained(file: string): void {
  const copy = new Database(file, { fileMustExist: true, nativeBinding: process.env.MARGINALIA_SQLITE_BINDING });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** One backup of a library at a time: two at once would race for the same name and the rotation. */
const backupsInProgress = new Map<string, Promise<unknown>>();

function oneAtATime<T>(libraryPath: string, work: () => Promise<T>): Promise<T> {
  const key = path.resolve(libraryPath);
  const previous = backupsInProgress.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  backupsInProgress.set(key, settled);
  void settled.then(() => {
    if (backupsInProgress.get(key) === settled) backupsInProgress.delete(key);
  });
  return next;
}

/** A name no other backup has, even for two made in the same millisecond. */
function freshBackupFile(dir: string, libraryPath: string, reason: BackupReason, now: Date): string {
  let stamp = now.getTime();
  while (fs.existsSync(path.join(dir, backupName(libraryPath, reason, new Date(stamp))))) stamp++;
  return path.join(dir, backupName(libraryPath, reason, new Date(stamp)));
}

/** A backup stopped by its signal (the library is closing): its partial copy is removed; nothing to report. */
export class BackupCancelled extends Error {
  constructor(libraryPath: string) {
    super(`The backup of ${libraryPath} was cancelled (the library is closing); no copy was kept.`);
    this.name = 'BackupCancelled';
  }
}

/**
 * Writes, verifies and rotates one backup of an open library. An aborted `signal` stops the copy
 * between two steps (SQLite's backup API copies 100 pages a step, the rate kept here) and removes what was written, so
 * a library closing during its daily backup closes at once and quietly.
 */
export function backupLibrary(db: Db, libraryPath: string, reason: BackupReason, now = new Date(), signal?: AbortSignal, check?: IntegrityCheckOptions): Promise<BackupInfo> {
  return oneAtATime(libraryPath, () => writeBackup(db, libraryPath, reason, now, signal, check));
}

async function writeBackup(db: Db, libraryPath: string, reason: BackupReason, now: Date, signal?: AbortSignal, check?: IntegrityCheckOptions): Promise<BackupInfo> {
  if (signal?.aborted || !db.open) throw new BackupCancelled(libraryPath);
  const dir = backupDirectory(libraryPath);
  fs.mkdirSync(dir, { recursive: true });
  const file = freshBackupFile(dir, libraryPath, reason, now);
  try {
    // Thrown from the progress callback, the error ends the copy (better-sqlite3 closes it).
    await db.backup(file, {
      progress: () => {
        if (signal?.aborted) throw new BackupCancelled(libraryPath);
        return 100;
      },
    });
    makeSelfContained(file);
  } catch (error) {
    removeBackupFile(file);
    throw error;
  }
  // The full check reads every page of the copy: in a worker thread, so requests are answered meanwhile.
  const sound = signal?.aborted ? null : await verifyFileInWorker(file, verifyLibraryFile, check, signal).catch((error: unknown) => {
    if (error instanceof CheckStopped) return null;
    throw error;
  });
  if (sound === null || signal?.aborted) {
    removeBackupFile(file);
    throw new BackupCancelled(libraryPath);
  }
  if (!sound) {
    removeBackupFile(file);
    throw new Error(`The backup of ${libraryPath} failed its integrity check and was discarded. The library itself is unchanged; try again.`);
  }
  rotate(libraryPath);
  return listBackups(libraryPath).find((backup) => backup.file === file)!;
}

/**
 * Before a migration the library is not open yet, so the copy is made with `VACUUM INTO` (SQLite's
 * own consistent copy) from a short-lived connection; it is verified like every other backup.
 */
export function backupBeforeMigration(db: Db, libraryPath: string, now = new Date()): string {
  const dir = backupDirectory(libraryPath);
  fs.mkdirSync(dir, { recursive: true });
  const file = freshBackupFile(dir, libraryPath, 'before-migration', now);
  db.prepare('VACUUM INTO ?').run(file);
  makeSelfContained(file);
  if (!verifyLibraryFile(file)) {
    removeBackupFile(file);
    throw new Error(`The backup before upgrading ${libraryPath} failed its integrity check; the library was not upgraded.`);
  }
  rotate(libraryPath);
  return file;
}

/** A daily backup when the newest is older than a day (or there is none). */
export async function backupIfDue(db: Db, libraryPath: string, now = new Date(), signal?: AbortSignal, check?: IntegrityCheckOptions): Promise<BackupInfo | null> {
  // A read-only library cannot change, and its folder may not take a backup.
  if (readOnlyReason(db) !== undefined) return null;
  const newest = listBackups(libraryPath)[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  return backupLibrary(db, libraryPath, 'daily', now, signal, check);
}

/** The newest backup that passes its integrity check, to offer when the library is damaged. */
export function newestGoodBackup(libraryPath: string): BackupInfo | null {
  return listBackups(libraryPath).find((backup) => verifyLibraryFile(backup.file)) ?? null;
}

/** Where a damaged library is kept beside itself when a backup replaces it. */
const damagedAside = (libraryPath: string) => `${libraryPath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;

/** Copies an open library's file and WAL aside, byte for byte (it cannot be moved while open). */
function copyAside(libraryPath: string): void {
  const aside = damagedAside(libraryPath);
  for (const suffix of ['', '-wal']) if (fs.existsSync(libraryPath + suffix)) fs.copyFileSync(libraryPath + suffix, aside + suffix);
}

/**
 * Replaces the library's content with a backup's, through the backup API into the library file, so
 * a connection that has it open sees the restored content on its next read. The current content is
 * first saved as a `before-restore` backup (when it can still be read), so a restore can be undone.
 */
export async function restoreLibrary(libraryPath: string, backupFile: string, openDb?: Db, check?: IntegrityCheckOptions): Promise<void> {
  if (!(await verifyFileInWorker(backupFile, verifyLibraryFile, check))) throw new Error(`${backupFile} is not a sound Marginalia library (it failed SQLite's integrity check). Choose another backup.`);
  if (openDb) {
    // A damaged library's copy fails its verification and is not kept: copy the file itself
    // (with its WAL) aside instead, as the closed-library path below moves it, so it is never lost.
    const saved = await backupLibrary(openDb, libraryPath, 'before-restore', new Date(), undefined, check).then(
      () => true,
      () => false,
    );
    if (!saved) copyAside(libraryPath);
  } else if (fs.existsSync(libraryPath) && verifyLibraryFile(libraryPath)) {
    const current = new Database(libraryPath, { readonly: true, nativeBinding: process.env.MARGINALIA_SQLITE_BINDING });
    try {
      await backupLibrary(current, libraryPath, 'before-restore', new Date(), undefined, check);
    } finally {
      current.close();
    }
  } else if (fs.existsSync(libraryPath)) {
    // A damaged library is moved aside whole (with its WAL), never overwritten: it may still be rescued.
    const aside = damagedAside(libraryPath);
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(libraryPath + suffix)) fs.renameSync(libraryPath + suffix, aside + suffix);
  }
  const source = new Database(backupFile, { readonly: true, fileMustExist: true, nativeBinding: process.env.MARGINALIA_SQLITE_BINDING });
  try {
    await source.backup(libraryPath);
  } finally {
    source.close();
  }
}
