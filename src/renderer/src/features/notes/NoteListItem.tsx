import { useEffect, useRef, useState } from 'react';
import type { NoteSummary } from '../../../../shared/domain/note';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { citationCountText, formatEdited } from './formatEdited';
import { useNotes } from './NotesContext';

/** One row of the notes list: open, rename in place, delete (undoable). */
export function NoteListItem({ note, index, measure }: { note: NoteSummary; index?: number; measure?: (element: Element | null) => void }) {
  const notes = useNotes();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(note.title);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (renaming) input.current?.select();
  }, [renaming]);

  // Escape, Enter and the blur that follows them end one rename once.
  const settled = useRef(false);

  const finish = async (save: boolean) => {
    if (settled.current) return;
    settled.current = true;
    if (save && draft.trim() !== note.title) {
      try {
        await mutate('renameNote', { id: note.id, title: draft });
      } catch (failure) {
        settled.current = false;
        setError(errorMessage(failure, 'rename the note'));
        return;
      }
    }
    setError(null);
    setRenaming(false);
    // Back where the rename started, so keyboard users keep their place.
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  return (
    <li className="notes-list-item" data-index={index} ref={measure}>
      {renaming ? (
        <form
          className="notes-rename"
          onSubmit={(event) => {
            event.preventDefault();
            void finish(true);
          }}
        >
          <input
            ref={input}
            className="input"
            aria-label={`New title for “${note.title}”`}
            value={draft}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                void finish(false);
              }
            }}
            onBlur={() => void finish(true)}
          />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : (
        <button type="button" className="notes-list-open" onClick={() => notes.openNote(note.id)}>
          <span className="notes-list-title"><bdi>{note.title}</bdi></span>
          <span className="notes-list-meta">
            Edited {formatEdited(note.updatedAt)} · {citationCountText(note.citationCount)}
          </span>
        </button>
      )}
      <div className="notes-list-actions">
        <button
          ref={renameButton}
          type="button"
          className="button button-quiet button-small"
          aria-label={`Rename “${note.title}”`}
          onClick={() => {
            settled.current = false;
            setDraft(note.title);
            setRenaming(true);
          }}
          disabled={renaming}
        >
          Rename
        </button>
        <button type="button" className="button button-quiet button-small button-danger-quiet" aria-label={`Delete “${note.title}”`} onClick={() => void notes.deleteNote(note)}>
          Delete
        </button>
      </div>
    </li>
  );
}
