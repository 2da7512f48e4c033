import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../../shared/domain/note';
import type { NoteDocState } from '../../../../shared/api/notes';
import { DEFAULT_NOTE_TITLE } from '../../../../shared/api/notes';
import { useNoteDoc } from '../../editor/collab/useNoteDoc';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportMarkdownButton } from '../export/ExportMarkdownButton';
import { NoteEditor } from './NoteEditor';
import { NoteHeader } from './NoteHeader';
import { useNotes } from './NotesContext';
import type { SaveStatus } from './useAutosave';
import { useAutosave } from './useAutosave';

const noChange = () => undefined;
const STATUS_TEXT: Record<SaveStatus['state'], string> = { saved: 'Saved', saving: 'Saving…', failed: 'Not saved' };

/**
 * A note open for writing: title, toolbar, editor, autosave. The text is the note's Yjs document
 * (`doc`, as loaded with the note), so other windows' edits of the same note merge in live.
 */
export function EditableNote({ note, doc }: { note: Note; doc: NoteDocState }) {
  const notes = useNotes();
  // An untitled note shows an empty box with the placeholder, ready to type a title into.
  const initialTitle = note.title === DEFAULT_NOTE_TITLE ? '' : note.title;
  const [title, setTitle] = useState(initialTitle);
  const editor = useRef<LexicalEditor | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const { titleFocusFor, titleFocused } = notes;
  useEffect(() => {
    if (titleFocusFor !== note.id) return;
    titleInput.current?.focus();
    titleFocused();
  }, [titleFocusFor, titleFocused, note.id]);

  const { id: docId, provider: docProvider, providerFactory } = useNoteDoc(note.id, doc);
  // The same object while the note is open: the editor below is memoized (see the end), and a
  // re-render here (each change of the save status) must not re-render the editor's whole tree.
  const session = useMemo(() => ({ id: docId, provider: docProvider, providerFactory }), [docId, docProvider, providerFactory]);
  const autosave = useAutosave(note.id, () => title, initialTitle, session.provider);
  const { registerEditor, registerFlush } = notes;

  useEffect(() => {
    registerFlush(autosave.flush);
    return () => registerFlush(null);
  }, [registerFlush, autosave.flush]);
  // Citing from the reader inserts into this editor while it is mounted.
  const [instance, setInstance] = useState<LexicalEditor | null>(null);
  // Only once the document is in the editor: a citation waiting to be inserted goes into the note, not into nothing.
  const { provider } = session;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!instance) return;
    let registered = false;
    const register = () => {
      if (registered) return;
      registered = true;
      // The document's content is still a pending (collaboration-tagged) editor update; a citation
      // inserted in the same commit would be taken for part of it and never reach the document.
      instance.update(() => undefined, { discrete: true });
      instance.setEditable(true);
      setReady(true);
      registerEditor(instance);
    };
    if (provider.isSynced) register();
    else provider.on('sync', register);
    return () => {
      provider.off('sync', register);
      if (registered) registerEditor(null);
    };
  }, [instance, registerEditor, provider]);

  const onEditor = useCallback((next: LexicalEditor) => {
    editor.current = next;
    setInstance(next);
  }, []);

  // Revealed once the document is in the editor: before, there is no citation to find.
  const reveal = ready && notes.revealRequest?.noteId === note.id ? notes.revealRequest : null;
  const { status, flush } = autosave;
  const flushOnBlur = useCallback(() => void flush(), [flush]);
  // Export reads the saved note: flushing first puts the words typed a moment ago in the file.
  const tools = useMemo(() => <ExportMarkdownButton noteId={note.id} beforeExport={flush} />, [note.id, flush]);
  return (
    <div className="note-view">
      <NoteHeader
        title={
          <input
            ref={titleInput}
            className="note-title-input"
            aria-label="Note title"
            value={title}
            placeholder={DEFAULT_NOTE_TITLE}
            maxLength={200}
            spellCheck
            aria-describedby={statusId}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              autosave.markDirty();
            }}
            onBlur={() => void autosave.flush()}
            onKeyDown={(event) => {
              // Enter moves on to the text, as in most notes apps.
              if (event.key === 'Enter') {
                event.preventDefault();
                editor.current?.focus();
              }
            }}
          />
        }
        status={
          // Not announced on every pause in typing; a failure is announced by the alert below.
          <span id={statusId} className="note-save-status" role="status" aria-live="off" data-state={status.state}>
            {STATUS_TEXT[status.state]}
          </span>
        }
        actions={
          <button type="button" className="button button-quiet button-small button-danger-quiet" onClick={() => void notes.deleteNote({ ...note, title: title || note.title })}>
            Delete note
          </button>
        }
        tools={tools}
      />
      {status.state === 'failed' ? <ErrorBanner title="The note was not saved." message={status.message} onRetry={() => void autosave.retry()} /> : null}
      <NoteEditor
        editorState={note.editorState}
        collaboration={session}
        editable
        onEditor={onEditor}
        // The text is sent by the document's provider as it changes; nothing to mark here.
        onChange={noChange}
        onBlur={flushOnBlur}
        reveal={reveal}
      />
    </div>
  );
}
