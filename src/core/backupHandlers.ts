import type { BackupSummary } from '../shared/api/backups';
import { notFound } from '../shared/api/errors';
import type { BackupInfo } from './backup';
import { backupLibrary, listBackups, restoreLibrary } from './backup';
import type { IntegrityCheckOptions } from './db/integrityCheck';
import { markRestoredSound } from './db/integrityCheck';
import type { Library } from './library';

const summary = ({ name, createdAt, reason, bytes }: BackupInfo): BackupSummary => ({ name, createdAt, reason, bytes });

/** The backup operations of the contract, on one open library; `check` says where a backup's integrity check runs. */
export function createBackupHandlers(library: Library, check?: IntegrityCheckOptions) {
  return {
    listBackups: () => listBackups(library.path).map(summary),
    backupNow: async () => summary(await backupLibrary(library.db, library.path, 'manual', new Date(), undefined, check)),
    restoreBackup: async ({ name }: { name: string }) => {
      const backup = listBackups(library.path).find((entry) => entry.name === name);
      if (!backup) throw notFound(`The backup ${name}`);
      await restoreLibrary(library.path, backup.file, library.db, check);
      // A library refused as damaged takes changes again once a sound backup replaced it.
      markRestoredSound(library.db);
      const undo = listBackups(library.path).find((entry) => entry.reason === 'before-restore');
      return { restored: backup.name, undoBackup: undo?.name ?? null };
    },
  };
}
