import type { ReactNode } from 'react';
import { useRef } from 'react';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** Why the last attempt failed; shown inside the dialog, where focus is. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone. Focus starts on Cancel, so Enter does no harm. */
export function ConfirmDialog({ title, description, confirmLabel, busy = false, error = null, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} role="alertdialog" description={description} onDismiss={onCancel} initialFocus={cancelRef}>
      {error ? (
        <div role="alert" className="form-error">
          {error}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
