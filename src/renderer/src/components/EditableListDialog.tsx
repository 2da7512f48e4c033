import type { FormEvent, ReactNode } from 'react';
import { Fragment, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { Dialog } from './Dialog';
import './editableListDialog.css';

/** Runs a row's change; a failure is shown above the table as "Could not <what>: …", a success clears it. */
export type RunChange = (action: Promise<unknown>, what: string) => void;

interface EditableListDialogProps<T> {
  title: string;
  description: ReactNode;
  /** The table's accessible name. */
  tableLabel: string;
  columns: readonly string[];
  items: readonly T[];
  /** A key that changes when the item does, so the row's fields start again from the saved values. */
  itemKey: (item: T) => string;
  /** One `<tr>`: a `<th scope="row">` with the item's name, then its cells. */
  renderRow: (item: T, run: RunChange) => ReactNode;
  /** Shown instead of the table when there are no items (the table, empty, when left out). */
  empty?: ReactNode;
  onClose: () => void;
}

/**
 * A dialog listing things to edit in place, a row each (the codebook, the outlets): its error line,
 * the table and "Done". The rows save their own fields through `run`.
 */
export function EditableListDialog<T>({ title, description, tableLabel, columns, items, itemKey, renderRow, empty, onClose }: EditableListDialogProps<T>) {
  const [problem, setProblem] = useState<string | null>(null);
  const run: RunChange = (action, what) => {
    action.then(
      () => setProblem(null),
      (error: unknown) => setProblem(errorMessage(error, what)),
    );
  };
  return (
    <Dialog title={title} onDismiss={onClose} className="list-dialog" description={description}>
      {problem ? (
        <div role="alert" className="form-error">
          {problem}
        </div>
      ) : null}
      {items.length === 0 && empty !== undefined ? (
        empty
      ) : (
        // The table scrolls sideways on its own when the window is narrow: the title and Done stay in view.
        <div className="list-dialog-scroller">
          <table className="list-dialog-table" aria-label={tableLabel}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Fragment key={itemKey(item)}>{renderRow(item, run)}</Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

interface RowActionFormProps {
  /** The submit button's text and accessible name ("Rename", "Rename framing"). */
  label: string;
  name: string;
  disabled: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** A field and its button in one cell (rename, merge into…): Enter in the field submits too. */
export function RowActionForm({ label, name, disabled, onSubmit, children }: RowActionFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disabled) onSubmit();
  };
  return (
    <form className="list-dialog-action" onSubmit={submit}>
      {children}
      <button type="submit" className="button button-small" disabled={disabled} aria-label={`${label} ${name}`}>
        {label}
      </button>
    </form>
  );
}

/** The rename cell: a new name for `name`, submitted when it is not empty and not the same. */
export function RenameField({ name, initial, onRename }: { name: string; initial: string; onRename: (to: string) => void }) {
  const [value, setValue] = useState(initial);
  const to = value.trim();
  return (
    <RowActionForm label="Rename" name={name} disabled={to === '' || to === name} onSubmit={() => onRename(to)}>
      <input className="input" aria-label={`New name for ${name}`} value={value} onChange={(event) => setValue(event.currentTarget.value)} />
    </RowActionForm>
  );
}
