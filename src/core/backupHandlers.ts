import type { BackupSummary } from '../shared/api/backups';
import { notFound } from '../shared/api/errors';
import type { BackupInfo } from './backup';
import { backupLibrary, listBackups, restoreLibrary } from './backup';
import { markRestoredSound } from './db/integrityCheck';
import type { Library } from './library';

const summary = ({ name, createdAt, reason, bytes }: BackupInfo): BackupSummary => ({ name, createdAt, reason, bytes });

/** The backup operations of the contract, on one open library. */
export function createBackupHandlers(library: Library) {
  return {
    listBackups: () => listBackups(library.path).map(summary),
    backupNow: async () => summary(await backupLibrary(library.db, library.path, 'manual')),
    restoreBackup: async ({ name }: { name: string }) => {
      const backup = listBackups(library.path).find((entry) => entry.name === name);
      if (!backup) throw notFound(`The backup ${name}`);
      await restoreLibrary(library.path, backup.file, library.db);
      // A library refused as damaged takes changes again once a sound backup replaced it.
      markRestoredSound(library.db);
      const undo = listBackups(library.path).find((entry) => entry.reason === 'before-restore');
      return { restored: backup.name, undoBackup: undo?.name ?? null };
    },
  };
}
