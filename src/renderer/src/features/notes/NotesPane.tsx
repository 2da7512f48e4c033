import { useRef } from 'react';
import { NotesList } from './NotesList';
import { useNotes } from './NotesContext';
import { NoteView } from './NoteView';
import { UndoDeleteBar } from './UndoDeleteBar';

/** The notes column beside the library or the reader: the list, or the open note. */
export function NotesPane() {
  const notes = useNotes();
  const body = useRef<HTMLDivElement>(null);
  const startNote = () => {
    // Focus leaves the button at once, so the keys typed next (a title's spaces) cannot press it
    // again; the new note's title takes the caret as soon as it shows.
    body.current?.focus();
    void notes.createNote({ focusTitle: true });
  };
  return (
    <section className="notes-pane" aria-label="Notes">
      <div className="notes-pane-header">
        <h2 className="notes-pane-title">Notes</h2>
        <button type="button" className="button button-small button-primary" onClick={startNote}>
          New note
        </button>
      </div>
      <UndoDeleteBar />
      <div ref={body} className="notes-pane-body" tabIndex={-1}>{notes.openNoteId !== null ? <NoteView key={notes.openNoteId} noteId={notes.openNoteId} /> : <NotesList />}</div>
      <p className="notes-announcer" role="status">
        {notes.announcement?.message}
      </p>
    </section>
  );
}
