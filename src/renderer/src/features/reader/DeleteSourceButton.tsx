import { useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useBacklinks } from '../notes/CitedIn';
import { sourceDeleted } from './UndoSourceDeleteBar';

interface DeleteSourceButtonProps {
  source: Source;
  onDeleted: () => void;
}

export function DeleteSourceButton({ source, onDeleted }: DeleteSourceButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Which notes cite it, said before deleting (issue 16): their citations keep a snapshot and say the source is gone.
  const { data: backlinks } = useBacklinks(source.id);
  const citing = backlinks?.length ?? 0;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      // The bulk delete of one: it keeps what it removed under a token, so Undo can bring it back.
      const { undoToken } = await mutate('deleteSources', { selection: { ids: [source.id] } });
      onDeleted();
      sourceDeleted(source.id, source.title, undoToken);
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
            <>
              <p>
                “<bdi>{source.title}</bdi>”, its highlights and its original file will be removed from the library. You can undo it for a few seconds after.
              </p>
              {citing > 0 ? (
                <p>
                  It is cited in {citing === 1 ? '1 note' : `${citing} notes`}. Their citations will keep the quoted words and the source’s details, and say that the source is
                  gone.
                </p>
              ) : null}
            </>
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
