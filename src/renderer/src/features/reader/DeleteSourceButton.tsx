import { useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface DeleteSourceButtonProps {
  source: Source;
  onDeleted: () => void;
}

export function DeleteSourceButton({ source, onDeleted }: DeleteSourceButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await mutate('deleteSource', { id: source.id });
      onDeleted();
    } catch (failure) {
      setError(errorMessage(failure, `delete “${source.title}”`));
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button-danger-quiet" onClick={() => setConfirming(true)}>
        Delete source
      </button>
      {confirming ? (
        <ConfirmDialog
          title="Delete this source?"
          description={
            <p>
              “{source.title}” and its original file will be removed from the library. This cannot be undone.
            </p>
          }
          confirmLabel="Delete"
          busy={busy}
          error={error}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        />
      ) : null}
    </>
  );
}
