import { NotesList } from './NotesList';
import { useNotes } from './NotesContext';
import { NoteView } from './NoteView';
import { UndoDeleteBar } from './UndoDeleteBar';

/** The notes column beside the library or the reader: the list, or the open note. */
export function NotesPane() {
  const notes = useNotes();
  return (
    <section className="notes-pane" aria-label="Notes">
      <div className="notes-pane-header">
        <h2 className="notes-pane-title">Notes</h2>
        <button type="button" className="button button-small button-primary" onClick={() => void notes.createNote()}>
          New note
        </button>
      </div>
      <UndoDeleteBar />
      <div className="notes-pane-body">{notes.openNoteId !== null ? <NoteView key={notes.openNoteId} noteId={notes.openNoteId} /> : <NotesList />}</div>
      <p className="notes-announcer" role="status">
        {notes.announcement?.message}
      </p>
    </section>
  );
}
