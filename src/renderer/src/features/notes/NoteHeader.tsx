import type { ReactNode } from 'react';
import { useNotes } from './NotesContext';

interface NoteHeaderProps {
  title: ReactNode;
  status?: ReactNode;
  actions?: ReactNode;
  /** Controls on a row of their own under the title (export): the bar above stays short enough for the narrowest pane. */
  tools?: ReactNode;
}

/** The open note's top: back to the list, save status and actions on one line, the title below it, then its tools. */
export function NoteHeader({ title, status, actions, tools }: NoteHeaderProps) {
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
      {tools ? <div className="note-header-tools">{tools}</div> : null}
    </div>
  );
}
