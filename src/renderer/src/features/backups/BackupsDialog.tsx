import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../../../shared/api/backups';
import { api } from '../../api/client';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';

const REASONS: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-migration': 'Before an upgrade',
  'before-restore': 'Before a restore',
};

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The library's backups, newest first, with "Back up now" and "Restore from backup". */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);

  const refresh = () =>
    api.listBackups({}).then(setBackups, (failure: unknown) => setError(errorMessage(failure, 'list the backups')));
  useEffect(() => void refresh(), []);

  async function backUpNow() {
    setBusy(true);
    setError(null);
    try {
      const made = await mutate('backupNow', {});
      setStatus(`Backed up as ${made.name}.`);
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure, 'back up the library'));
    } finally {
      setBusy(false);
    }
  }

  async function restore(backup: BackupSummary) {
    setBusy(true);
    setError(null);
    try {
      const result = await mutate('restoreBackup', { name: backup.name });
      setRestoring(null);
      setStatus(`Restored the library from the backup of ${new Date(backup.createdAt).toLocaleString()}.${result.undoBackup ? ' What it held before was saved as a backup, so this can be undone.' : ''}`);
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure, 'restore the backup'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Backups" onDismiss={onClose} className="backups-dialog" description={<p>Marginalia backs up the library every day and before every upgrade, and keeps the newest ten.</p>}>
      <div role="status" className="backups-status">
        {status}
      </div>
      {error ? (
        <div role="alert" className="form-error">
          {error}
        </div>
      ) : null}
      {backups === null ? (
        <p>Loading backups…</p>
      ) : backups.length === 0 ? (
        <p>There are no backups yet.</p>
      ) : (
        <table className="backups-table" aria-label="Backups, newest first">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  <time dateTime={backup.createdAt}>{new Date(backup.createdAt).toLocaleString()}</time>
                </td>
                <td>{REASONS[backup.reason] ?? backup.reason}</td>
                <td>{formatSize(backup.bytes)}</td>
                <td>
                  <button type="button" className="button" disabled={busy} onClick={() => setRestoring(backup)} aria-label={`Restore from backup of ${new Date(backup.createdAt).toLocaleString()}`}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" onClick={() => void backUpNow()} disabled={busy}>
          Back up now
        </button>
      </div>
      {restoring ? (
        <ConfirmDialog
          title="Restore from this backup?"
          description={<p>The library will be replaced by the backup of {new Date(restoring.createdAt).toLocaleString()}. What it holds now is saved as a backup first, so you can undo this.</p>}
          confirmLabel="Restore"
          busy={busy}
          error={error}
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      ) : null}
    </Dialog>
  );
}
