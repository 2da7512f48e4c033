import { useEffect, useState } from 'react';
import type { Note } from '../../../../shared/domain/note';
import type { NoteDocState } from '../../../../shared/api/notes';
import { ApiError } from '../../../../shared/api/errors';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { EditableNote } from './EditableNote';
import type { LoadProblem } from './loadProblem';
import { loadProblem } from './loadProblem';
import { useNotes } from './NotesContext';
import { ReadOnlyNote } from './ReadOnlyNote';
import { whenNoteSaved } from './useAutosave';
import { DeclineCitations } from './useDeclineCitations';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'loaded'; note: Note; problem: LoadProblem; doc: null }
  | { phase: 'loaded'; note: Note; problem: null; doc: NoteDocState };

/**
 * One note, loaded once when opened. It is not re-fetched when the library changes: the editor
 * holds the newest text, and replacing it under the caret would lose typing.
 */
export function NoteView({ noteId }: { noteId: number }) {
  const notes = useNotes();
  const [load, setLoad] = useState<LoadState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    // A save of this note still on its way would otherwise be missing from what loads.
    whenNoteSaved(noteId)
      .then(() => api.getNote({ id: noteId }))
      .then(async (note): Promise<LoadState> => {
        const problem = loadProblem(note.editorState);
        // A note that can be edited is edited as its Yjs document (issue 12); one that cannot is never turned into one.
        return problem ? { phase: 'loaded', note, problem, doc: null } : { phase: 'loaded', note, problem: null, doc: await api.openNoteDoc({ id: noteId }) };
      })
      .then(
        (loaded) => current && setLoad(loaded),
        (error: unknown) => current && setLoad({ phase: 'failed', error }),
      );
    return () => {
      current = false;
    };
  }, [noteId, attempt]);

  if (load.phase === 'loading') {
    return (
      <p className="loading note-loading" aria-busy="true">
        Opening the note…
      </p>
    );
  }
  if (load.phase === 'failed') {
    const gone = load.error instanceof ApiError && load.error.code === 'not_found';
    return (
      <div className="note-view-status">
        <DeclineCitations reason="The open note could not be opened, so nothing was inserted. Open or create another note to cite." />
        <ErrorBanner title="This note could not be opened." message={errorMessage(load.error, 'open the note')} onRetry={gone ? undefined : () => setAttempt((n) => n + 1)} />
        <button type="button" className="button" onClick={notes.closeNote}>
          All notes
        </button>
      </div>
    );
  }
  return load.problem ? <ReadOnlyNote note={load.note} problem={load.problem} /> : <EditableNote note={load.note} doc={load.doc} />;
}
