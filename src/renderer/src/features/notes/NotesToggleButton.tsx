import { isMac } from '../../components/modifierKey';
import { useShortcuts } from '../../hooks/useShortcuts';
import { ariaKeyShortcuts } from '../../hooks/shortcutList';
import { useNotes } from './NotesContext';

/** Shows or hides the notes column; pressed while it is shown. Ctrl/Cmd+Shift+L does the same. */
export function NotesToggleButton() {
  const { paneOpen, setPaneOpen } = useNotes();
  useShortcuts({ toggleNotes: () => setPaneOpen(!paneOpen) });
  return (
    <button type="button" className="button button-quiet" aria-pressed={paneOpen} aria-keyshortcuts={ariaKeyShortcuts('toggleNotes', isMac)} onClick={() => setPaneOpen(!paneOpen)}>
      Notes
    </button>
  );
}
