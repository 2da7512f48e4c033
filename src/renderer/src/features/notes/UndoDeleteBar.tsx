import { useRef } from 'react';
import { useTransient } from '../../components/useTransient';
import { useNotes } from './NotesContext';

/**
 * After a note is deleted: says so, with Undo. It leaves after a few seconds or at the next
 * action, and waits while the pointer or the focus is on it (useTransient); when the deleted
 * note's button took the focus with it, Undo gets the focus, so the keyboard can reach it.
 */
export function UndoDeleteBar() {
  const notes = useNotes();
  const bar = useRef<HTMLDivElement>(null);
  useTransient(bar, notes.lastDeleted, notes.dismissUndo, { focusIfLost: true });
  if (!notes.lastDeleted) return null;
  return (
    <div ref={bar} className="notes-undo" role="status">
      <span>Deleted “<bdi>{notes.lastDeleted.title}</bdi>”.</span>
      <button type="button" className="button button-small" onClick={() => void notes.undoDelete()}>
        Undo
      </button>
      <button type="button" className="button button-quiet button-small" aria-label="Dismiss" onClick={notes.dismissUndo}>
        ×
      </button>
    </div>
  );
}
