import type { LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NoteSummary } from '../../../../shared/domain/note';
import { citationLabel } from '../../../../shared/notes/citationLabel';
import type { CitationPayload, CiteMode } from '../../../../shared/notes/citationPayload';
import type { LibraryLinkTarget } from '../../../../shared/text/deepLink';
import { onSaveBeforeClose } from '../../api/client';
import { mutate } from '../../api/mutate';
import { errorMessage } from '../../api/errorMessage';
import { parseBoolean, usePersistentState } from '../../hooks/usePersistentState';
import { INSERT_CITATION_COMMAND } from '../../editor/citationCommand';
import { revealInReader } from '../reader/revealIntent';
import { storedQuoteMode } from '../export/QuoteModeField';
import type { NotesContextValue } from './NotesContext';
import { NotesContext } from './NotesContext';
import { whenAllNotesSaved } from './useAutosave';

const parseNoteId = (stored: string) => (/^[1-9]\d{0,14}$/.test(stored) ? Number(stored) : undefined);
const ANNOUNCEMENT_MS = 8000;

interface NotesProviderProps {
  /** Opens a source in the reader (the app's navigation). */
  onOpenSource: (sourceId: number) => void;
  children: ReactNode;
}

/**
 * The notes side of the app: which note is open, the notes column, citing into the open note, and
 * delete with undo. One per window, above the library, the reader and the notes column.
 */
export function NotesProvider({ onOpenSource, children }: NotesProviderProps) {
  const [paneOpen, setPaneOpen] = usePersistentState<boolean>('notes.paneOpen', true, parseBoolean);
  // 0 stands for "none" in storage: usePersistentState keeps strings.
  const [storedNoteId, setStoredNoteId] = usePersistentState<number>('notes.openNoteId', 0, parseNoteId);
  const openNoteId = storedNoteId > 0 ? storedNoteId : null;
  const [revealRequest, setRevealRequest] = useState<{ noteId: number; ordinal: number } | null>(null);
  const [announcement, setAnnouncement] = useState<{ message: string; nonce: number } | null>(null);
  const [lastDeleted, setLastDeleted] = useState<{ note: NoteSummary; wasOpen: boolean } | null>(null);
  const editor = useRef<LexicalEditor | null>(null);
  const flushOpenNote = useRef<(() => Promise<void>) | null>(null);
  const pendingCitations = useRef<{ citation: CitationPayload; mode: CiteMode }[]>([]);
  const declineReason = useRef<string | null>(null);

  const announce = useCallback((message: string) => setAnnouncement({ message, nonce: Date.now() }), []);
  // A message is about the moment it was said; it goes before it can mislead ("in the open note" after closing it).
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(null), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  const insert = useCallback(
    (target: LexicalEditor, citation: CitationPayload, mode: CiteMode) => {
      if (!target.isEditable()) {
        announce('The open note is read-only, so nothing was inserted. Open or create another note to cite.');
        return;
      }
      target.dispatchCommand(INSERT_CITATION_COMMAND, { citation, mode, quotes: storedQuoteMode() });
      announce(`${mode === 'quote' ? 'Quoted' : 'Cited'} ${citationLabel(citation.snapshot)} in the open note.`);
    },
    [announce],
  );

  const openNote = useCallback(
    (id: number, at?: { ordinal: number }) => {
      setPaneOpen(true);
      setStoredNoteId(id);
      setRevealRequest(at ? { noteId: id, ordinal: at.ordinal } : null);
    },
    [setPaneOpen, setStoredNoteId],
  );

  const closeNote = useCallback(() => setStoredNoteId(0), [setStoredNoteId]);

  const [titleFocusFor, setTitleFocusFor] = useState<number | null>(null);
  // One note per press: a second press (or key repeat) while the first is being created does nothing.
  const creating = useRef(false);
  const createNote = useCallback(
    async (options?: { focusTitle?: boolean }) => {
      if (creating.current) return;
      creating.current = true;
      try {
        const note = await mutate('createNote', { title: '' });
        openNote(note.id);
        setTitleFocusFor(options?.focusTitle ? note.id : null);
      } catch (error) {
        pendingCitations.current = [];
        announce(errorMessage(error, 'create a note'));
      } finally {
        creating.current = false;
      }
    },
    [announce, openNote],
  );
  const titleFocused = useCallback(() => setTitleFocusFor(null), []);

  const cite = useCallback(
    (citation: CitationPayload, mode: CiteMode = 'cite') => {
      setPaneOpen(true);
      if (openNoteId !== null && declineReason.current) return announce(declineReason.current);
      if (editor.current && openNoteId !== null) return insert(editor.current, citation, mode);
      // The note is still loading, or there is none yet: insert once its editor is there.
      pendingCitations.current.push({ citation, mode });
      if (openNoteId === null && pendingCitations.current.length === 1) void createNote();
    },
    [openNoteId, insert, createNote, setPaneOpen, announce],
  );

  const declineCitations = useCallback(
    (reason: string | null) => {
      declineReason.current = reason;
      if (reason && pendingCitations.current.length > 0) {
        pendingCitations.current = [];
        announce(reason);
      }
    },
    [announce],
  );

  const registerEditor = useCallback(
    (next: LexicalEditor | null) => {
      editor.current = next;
      if (!next) return;
      const pending = pendingCitations.current;
      pendingCitations.current = [];
      for (const { citation, mode } of pending) insert(next, citation, mode);
    },
    [insert],
  );

  const registerFlush = useCallback((flush: (() => Promise<void>) | null) => {
    flushOpenNote.current = flush;
  }, []);

  // The desktop app's window waits for this before it closes (or quits): the words typed last are saved.
  useEffect(
    () =>
      onSaveBeforeClose(async () => {
        await flushOpenNote.current?.();
        await whenAllNotesSaved();
      }),
    [],
  );

  const openCitation = useCallback(
    (citation: CitationPayload) => {
      onOpenSource(citation.sourceId);
      // The reader scrolls to the highlight and flashes it (or its quote, when deleted since), or
      // to the quoted words of a citation made without a highlight.
      if (citation.highlightId !== null) revealInReader(citation.sourceId, { kind: 'highlight', highlightId: citation.highlightId, quote: citation.snapshot.quote });
      else if (citation.snapshot.quote) revealInReader(citation.sourceId, { kind: 'quote', quote: citation.snapshot.quote });
    },
    [onOpenSource],
  );

  const openLibraryLink = useCallback(
    (target: LibraryLinkTarget) => {
      if (target.sourceId === null) return announce('Links to a highlight alone cannot be opened yet; link to its source (marginalia://source/…).');
      onOpenSource(target.sourceId);
      if (target.highlightId !== null) revealInReader(target.sourceId, { kind: 'highlight', highlightId: target.highlightId, quote: null });
    },
    [announce, onOpenSource],
  );

  const deleteNote = useCallback(
    async (note: NoteSummary) => {
      const wasOpen = note.id === openNoteId;
      try {
        // What was typed last is saved first, so undo brings it back too.
        if (wasOpen) await flushOpenNote.current?.();
        await mutate('deleteNote', { id: note.id });
        if (wasOpen) closeNote();
        setLastDeleted({ note, wasOpen });
      } catch (error) {
        announce(errorMessage(error, `delete the note "${note.title}"`));
      }
    },
    [openNoteId, closeNote, announce],
  );

  const undoDelete = useCallback(async () => {
    if (!lastDeleted) return;
    try {
      await mutate('restoreNote', { id: lastDeleted.note.id });
      setLastDeleted(null);
      if (lastDeleted.wasOpen) openNote(lastDeleted.note.id);
      announce(`Restored "${lastDeleted.note.title}".`);
    } catch (error) {
      announce(errorMessage(error, `restore the note "${lastDeleted.note.title}"`));
    }
  }, [lastDeleted, openNote, announce]);

  const value = useMemo<NotesContextValue>(
    () => ({
      paneOpen,
      setPaneOpen,
      openNoteId,
      openNote,
      closeNote,
      revealRequest,
      createNote,
      titleFocusFor,
      titleFocused,
      deleteNote,
      cite,
      openCitation,
      openLibraryLink,
      registerEditor,
      declineCitations,
      registerFlush,
      announce,
      announcement,
      lastDeleted: lastDeleted?.note ?? null,
      undoDelete,
      dismissUndo: () => setLastDeleted(null),
    }),
    [paneOpen, setPaneOpen, openNoteId, openNote, closeNote, revealRequest, createNote, titleFocusFor, titleFocused, deleteNote, cite, openCitation, openLibraryLink, registerEditor, declineCitations, registerFlush, announce, announcement, lastDeleted, undoDelete],
  );
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}
