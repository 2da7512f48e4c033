import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { mutate } from '../../api/mutate';
import type { LibraryQuery } from './libraryQuery';
import type { RowSelection } from './sourceSelection';
import { NO_SELECTION, toSourceSelection } from './sourceSelection';

export interface BulkNotice {
  message: string;
  /** Present after a delete: pass to undo. */
  undoToken?: string;
}

/** Delete (with undo), set outlet and add to a collection on the selected rows, and what to tell the user after. */
export function useBulkActions(query: LibraryQuery, selection: RowSelection, setSelection: (selection: RowSelection) => void) {
  const [notice, setNotice] = useState<BulkNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const plural = (n: number) => (n === 1 ? '1 source' : `${n.toLocaleString('en')} sources`);

  const run = useCallback(async (doing: string, action: () => Promise<BulkNotice>) => {
    setBusy(true);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ message: errorMessage(error, doing) });
    } finally {
      setBusy(false);
    }
  }, []);

  const deleteSelected = useCallback(
    () =>
      run('delete the selected sources', async () => {
        const result = await mutate('deleteSources', { selection: toSourceSelection(selection, query) });
        setSelection(NO_SELECTION);
        return { message: `Deleted ${plural(result.deleted)}.`, undoToken: result.undoToken };
      }),
    [run, selection, query, setSelection],
  );

  const undoDelete = useCallback(
    (undoToken: string) =>
      run('undo the deletion', async () => {
        const result = await mutate('restoreSources', { undoToken });
        const skipped = result.skipped > 0 ? ` ${plural(result.skipped)} could not come back: the same file or citekey was added again meanwhile.` : '';
        return { message: `Restored ${plural(result.restored)}.${skipped}` };
      }),
    [run],
  );

  const setOutlet = useCallback(
    (outlet: string | null) =>
      run('set the outlet', async () => {
        const result = await mutate('setSourcesOutlet', { selection: toSourceSelection(selection, query), outlet });
        return { message: outlet === null ? `Cleared the outlet of ${plural(result.updated)}.` : `Set the outlet of ${plural(result.updated)} to “${outlet.trim()}”.` };
      }),
    [run, selection, query],
  );

  const addToCollection = useCallback(
    (name: string) =>
      run('add the selected sources to the collection', async () => {
        const collection = await mutate('addSourcesToCollection', { selection: toSourceSelection(selection, query), name });
        return { message: `Added to “${collection.name}”, which now holds ${plural(collection.sourceCount)}.` };
      }),
    [run, selection, query],
  );

  return { notice, dismiss: () => setNotice(null), busy, deleteSelected, undoDelete, setOutlet, addToCollection };
}
