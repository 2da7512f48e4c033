import path from 'node:path';
import { backupLibrary, listBackups, restoreLibrary } from '../core/backup';
import type { Library } from '../core/library';

export const BACKUP_USAGE = `  backup                back up the library now (verified; the newest 10 backups are kept)
  backup --list         list the backups, newest first
  restore FILE          replace the library with a backup; what it held is kept as a backup first`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `marginalia backup [--list]`. */
export async function runBackup(library: Library, list: boolean, json: boolean, io: Io): Promise<number> {
  if (list) {
    const backups = listBackups(library.path).map(({ file, createdAt, reason, bytes }) => ({ file, createdAt, reason, bytes }));
    if (json) io.out(JSON.stringify(backups, null, 2));
    else if (backups.length === 0) io.out(`There are no backups of ${library.path} yet. Make one with \`marginalia backup\`.`);
    else for (const backup of backups) io.out(`${backup.createdAt}  ${backup.reason.padEnd(16)}  ${backup.file}`);
    return 0;
  }
  const backup = await backupLibrary(library.db, library.path, 'manual');
  if (json) io.out(JSON.stringify({ file: backup.file, createdAt: backup.createdAt, reason: backup.reason, bytes: backup.bytes }));
  else io.out(`Backed up ${library.path}\n      to ${backup.file} (verified).`);
  return 0;
}

/**
 * `marginalia restore FILE`: runs without opening the library first, so a damaged library can be
 * restored (it is moved aside, never overwritten).
 */
export async function runRestore(libraryPath: string, backupFile: string, json: boolean, io: Io): Promise<number> {
  const file = path.resolve(backupFile);
  try {
    await restoreLibrary(libraryPath, file);
  } catch (error) {
    io.err(`marginalia restore: ${(error as Error).message}`);
    return 1;
  }
  const undo = listBackups(libraryPath).find((backup) => backup.reason === 'before-restore');
  if (json) io.out(JSON.stringify({ restored: file, library: libraryPath, undoBackup: undo?.file ?? null }));
  else io.out(`Restored ${libraryPath} from ${file}.${undo ? `\nWhat it held before is kept in ${undo.file}.` : ''}`);
  return 0;
}
