import { useId, useState } from 'react';

interface BulkActionsProps {
  count: number;
  onDelete: () => void;
  onSetOutlet: (outlet: string | null) => void;
  /** Adds the selected rows to the collection of this name (created when new). */
  onAddToCollection: (name: string) => void;
  /** The collections there are, offered as the name is typed. */
  collections: readonly string[];
  onClear: () => void;
  busy: boolean;
}

/** Which small form the bar shows in place of its buttons, if any. */
type Editing = 'outlet' | 'collection' | null;

/** What can be done to the selected rows: delete (with undo), set their outlet, add them to a collection. */
export function BulkActions({ count, onDelete, onSetOutlet, onAddToCollection, collections, onClear, busy }: BulkActionsProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [outlet, setOutlet] = useState('');
  const [collection, setCollection] = useState('');
  const collectionList = useId();
  const cancel = (
    <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
      Cancel
    </button>
  );
  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected sources">
      <p className="bulk-count">{count === 1 ? '1 selected' : `${count.toLocaleString('en')} selected`}</p>
      {editing === 'outlet' ? (
        <form
          className="bulk-outlet"
          onSubmit={(event) => {
            event.preventDefault();
            setEditing(null);
            onSetOutlet(outlet.trim() === '' ? null : outlet);
          }}
        >
          <label className="field-inline">
            <span>New outlet</span>
            <input className="input" value={outlet} autoFocus onChange={(event) => setOutlet(event.currentTarget.value)} />
          </label>
          <button type="submit" className="button" disabled={busy}>
            Apply
          </button>
          {cancel}
        </form>
      ) : editing === 'collection' ? (
        <form
          className="bulk-outlet"
          aria-label="Add to collection"
          onSubmit={(event) => {
            event.preventDefault();
            if (collection.trim() === '') return;
            setEditing(null);
            onAddToCollection(collection.trim());
          }}
        >
          <label className="field-inline">
            <span>Collection</span>
            <input className="input" list={collectionList} value={collection} autoFocus placeholder="Armenian press" onChange={(event) => setCollection(event.currentTarget.value)} />
            <datalist id={collectionList}>
              {collections.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          <button type="submit" className="button" disabled={busy || collection.trim() === ''}>
            Add
          </button>
          {cancel}
        </form>
      ) : (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => setEditing('outlet')}>
            Set outlet…
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setEditing('collection')}>
            Add to collection…
          </button>
        </>
      )}
      <button type="button" className="button button-danger" disabled={busy} onClick={onDelete}>
        Delete selected
      </button>
      <button type="button" className="button button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
