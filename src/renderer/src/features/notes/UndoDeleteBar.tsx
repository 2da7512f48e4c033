import { useNotes } from './NotesContext';

/**
 * After a note is deleted: says so, with Undo. It stays until dismissed or replaced by the next
 * deletion, rather than vanishing on a timer someone reading slowly could miss.
 */
export function UndoDeleteBar() {
  const notes = useNotes();
  if (!notes.lastDeleted) return null;
  return (
    <div className="notes-undo" role="status">
      <span>Deleted “{notes.lastDeleted.title}”.</span>
      <button type="button" className="button button-small" onClick={() => void notes.undoDelete()}>
        Undo
      </button>
      <button type="button" className="button button-quiet button-small" aria-label="Dismiss" onClick={notes.dismissUndo}>
        ×
      </button>
    </div>
  );
}
