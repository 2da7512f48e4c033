import { useRef, useSyncExternalStore } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { mutate } from '../../api/mutate';
import { useTransient } from '../../components/useTransient';

/**
 * Deleting one source from the reader can be undone, as a note's deletion can (issue 16, item 9):
 * the reader deletes through `deleteSources` (the library's bulk delete, which keeps what it removed
 * under an undo token) and tells this bar, which App shows wherever the reader went back to.
 */
type Notice = { kind: 'deleted'; sourceId: number; title: string; undoToken: string } | { kind: 'said'; message: string };

let notice: Notice | null = null;
const listeners = new Set<() => void>();

function setNotice(next: Notice | null): void {
  notice = next;
  listeners.forEach((listener) => listener());
}

export function sourceDeleted(sourceId: number, title: string, undoToken: string): void {
  setNotice({ kind: 'deleted', sourceId, title, undoToken });
}

/** Says a source was deleted, with Undo; it leaves after a few seconds or at the next action (useTransient). */
export function UndoSourceDeleteBar({ onRestored }: { onRestored: (sourceId: number) => void }) {
  const shown = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notice,
  );
  const bar = useRef<HTMLDivElement>(null);
  const dismiss = () => setNotice(null);
  useTransient(bar, shown, dismiss, { focusIfLost: true });
  if (!shown) return null;

  const undo = async (deleted: Extract<Notice, { kind: 'deleted' }>) => {
    try {
      const result = await mutate('restoreSources', { undoToken: deleted.undoToken });
      if (result.restored === 0) return setNotice({ kind: 'said', message: `“${deleted.title}” could not come back: the same file or citekey was added again meanwhile.` });
      setNotice({ kind: 'said', message: `Restored “${deleted.title}”.` });
      onRestored(deleted.sourceId);
    } catch (failure) {
      setNotice({ kind: 'said', message: errorMessage(failure, `restore “${deleted.title}”`) });
    }
  };

  return (
    <div ref={bar} className="notes-undo source-undo" role="status">
      <span>{shown.kind === 'deleted' ? `Deleted “${shown.title}”.` : shown.message}</span>
      {shown.kind === 'deleted' ? (
        <button type="button" className="button button-small" onClick={() => void undo(shown)}>
          Undo
        </button>
      ) : null}
      <button type="button" className="button button-quiet button-small" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
