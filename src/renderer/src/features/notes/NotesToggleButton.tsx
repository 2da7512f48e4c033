import { useNotes } from './NotesContext';

/** Shows or hides the notes column; pressed while it is shown. */
export function NotesToggleButton() {
  const { paneOpen, setPaneOpen } = useNotes();
  return (
    <button type="button" className="button button-quiet" aria-pressed={paneOpen} onClick={() => setPaneOpen(!paneOpen)}>
      Notes
    </button>
  );
}
