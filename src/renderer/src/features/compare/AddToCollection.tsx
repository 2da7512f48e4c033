import { useId, useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { useQuery } from '../../hooks/useQuery';
import { mutate } from '../../api/mutate';
import { COLLECTIONS_READ } from './compareDependencies';

interface AddToCollectionProps {
  /** The sources selected in the library. */
  sourceIds: readonly number[];
}

/**
 * "Add to collection" for the library's selected rows (issue 11): pick a collection or type a new
 * name. Meant for the library table's multi-select; it needs only the selected ids.
 */
export function AddToCollection({ sourceIds }: AddToCollectionProps) {
  const collections = useQuery('collections', () => api.listCollections({}), { dependencies: COLLECTIONS_READ });
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const listId = useId();
  return (
    <form
      className="add-to-collection"
      aria-label="Add to collection"
      onSubmit={(event) => {
        event.preventDefault();
        mutate('addToCollection', { name, sourceIds: [...sourceIds] }).then(
          (collection) => setMessage(`Added to “${collection.name}” (${collection.sourceCount === 1 ? '1 source' : `${collection.sourceCount} sources`}).`),
          (error: unknown) => setMessage(errorMessage(error, 'add to the collection')),
        );
      }}
    >
      <label className="field-inline">
        <span>Collection</span>
        <input className="input" list={listId} value={name} onChange={(event) => setName(event.currentTarget.value)} placeholder="Armenian press" />
        <datalist id={listId}>
          {(collections.data ?? []).map((collection) => (
            <option key={collection.name} value={collection.name} />
          ))}
        </datalist>
      </label>
      <button type="submit" className="button" disabled={sourceIds.length === 0 || name.trim() === ''}>
        {sourceIds.length === 1 ? 'Add 1 source to collection' : `Add ${sourceIds.length} sources to collection`}
      </button>
      <span role="status">{message}</span>
    </form>
  );
}
