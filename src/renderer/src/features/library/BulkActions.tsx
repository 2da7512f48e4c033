import { useState } from 'react';

interface BulkActionsProps {
  count: number;
  onDelete: () => void;
  onSetOutlet: (outlet: string | null) => void;
  onClear: () => void;
  busy: boolean;
  /**
   * "Add to collection", for the collections work (issue 13): the button shows once a caller
   * passes this; until collections exist nothing does.
   */
  onAddToCollection?: () => void;
}

/** What can be done to the selected rows: delete (with undo), set their outlet, and (later) add them to a collection. */
export function BulkActions({ count, onDelete, onSetOutlet, onClear, busy, onAddToCollection }: BulkActionsProps) {
  const [editingOutlet, setEditingOutlet] = useState(false);
  const [outlet, setOutlet] = useState('');
  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected sources">
      <p className="bulk-count">{count === 1 ? '1 selected' : `${count.toLocaleString('en')} selected`}</p>
      {editingOutlet ? (
        <form
          className="bulk-outlet"
          onSubmit={(event) => {
            event.preventDefault();
            setEditingOutlet(false);
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
          <button type="button" className="button button-quiet" onClick={() => setEditingOutlet(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => setEditingOutlet(true)}>
          Set outlet…
        </button>
      )}
      {onAddToCollection ? (
        <button type="button" className="button" disabled={busy} onClick={onAddToCollection}>
          Add to collection…
        </button>
      ) : null}
      <button type="button" className="button button-danger" disabled={busy} onClick={onDelete}>
        Delete selected
      </button>
      <button type="button" className="button button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
