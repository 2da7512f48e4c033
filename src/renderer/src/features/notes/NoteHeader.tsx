import type { ReactNode } from 'react';
import { useNotes } from './NotesContext';

/** The open note's top: back to the list, save status and actions on one line, the title below it. */
export function NoteHeader({ title, status, actions }: { title: ReactNode; status?: ReactNode; actions?: ReactNode }) {
  const notes = useNotes();
  return (
    <div className="note-header">
      <div className="note-header-bar">
        <button type="button" className="button button-quiet button-small note-back" onClick={notes.closeNote}>
          <span aria-hidden="true">← </span>All notes
        </button>
        <div className="note-header-end">
          {status}
          {actions}
        </div>
      </div>
      <div className="note-header-title">{title}</div>
    </div>
  );
}
