import { z } from 'zod';
import { mutation, query } from './operation';

export const BackupSummary = z.object({
  /** The backup's file name in the library's backups folder (never a path: the renderer names, core resolves). */
  name: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

const BackupName = z.string().regex(/^[^/\\]+\.sqlite$/, 'A backup is named by its file name only');

export const backupOperations = {
  listBackups: query(z.object({}), z.array(BackupSummary)),
  backupNow: mutation(z.object({}), BackupSummary, [{ kind: 'backups' }]),
  restoreBackup: mutation(z.object({ name: BackupName }), z.object({ restored: z.string(), undoBackup: z.string().nullable() }), [
    { kind: 'library' },
  ]),
};
