import type { Note } from '../../../../shared/domain/note';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { LoadProblem } from './loadProblem';
import { NoteEditor } from './NoteEditor';
import { NoteHeader } from './NoteHeader';
import { useDeclineCitations } from './useDeclineCitations';

/**
 * A saved note this version cannot edit (bad JSON, an invalid citation, a forbidden link): shown
 * as far as possible, and never saved, so nothing in it is overwritten.
 */
export function ReadOnlyNote({ note, problem }: { note: Note; problem: LoadProblem }) {
  useDeclineCitations('The open note is read-only, so nothing was inserted. Open or create another note to cite.');
  return (
    <div className="note-view is-read-only">
      <NoteHeader title={<h3 className="note-title-read-only">{note.title}</h3>} status={<span className="note-save-status">Read-only</span>} />
      <ErrorBanner
        title="This note cannot be edited."
        message={`${problem.message} It is shown read-only and will not be changed, so nothing in it is lost.`}
      />
      {problem.displayable ? (
        <NoteEditor editorState={note.editorState} editable={false} onEditor={() => undefined} onChange={() => undefined} onBlur={() => undefined} reveal={null} />
      ) : (
        <textarea className="note-raw" aria-label="Saved note data (read-only)" readOnly value={note.editorState} />
      )}
    </div>
  );
}
