import type { LexicalEditor } from 'lexical';
import { createContext, useContext } from 'react';
import type { NoteSummary } from '../../../../shared/domain/note';
import type { CitationPayload, CiteMode } from '../../../../shared/notes/citationPayload';
import type { LibraryLinkTarget } from '../../../../shared/text/deepLink';

export interface NotesContextValue {
  /** The notes column beside the library or reader is shown. */
  paneOpen: boolean;
  setPaneOpen: (open: boolean) => void;
  openNoteId: number | null;
  /** Open a note; with `ordinal`, at that citation (its place among the note's citations). */
  openNote: (id: number, at?: { ordinal: number }) => void;
  closeNote: () => void;
  /** The citation the open note should scroll to, a new object for each request. */
  revealRequest: { noteId: number; ordinal: number } | null;
  /** Creates a note and opens it; with `focusTitle`, the caret goes to its title once it shows. */
  createNote: (options?: { focusTitle?: boolean }) => Promise<void>;
  /** The note whose title takes the caret when it opens (just created with "New note"); null otherwise. */
  titleFocusFor: number | null;
  /** The open note took the caret into its title: the request is done. */
  titleFocused: () => void;
  deleteNote: (note: NoteSummary) => Promise<void>;
  /**
   * Inserts a citation at the caret of the open note (a new note when none is open): `'cite'` a chip,
   * `'quote'` the passage as a block quote followed by its chip. Build the citation with
   * highlightCitation() or sourceCitation() (src/shared/notes/citationPayload.ts).
   */
  cite: (citation: CitationPayload, mode?: CiteMode) => void;
  /** Opens a citation's source in the reader, at its passage. */
  openCitation: (citation: CitationPayload) => void;
  openLibraryLink: (target: LibraryLinkTarget) => void;
  /** The open note's editor, while it is mounted; null otherwise. */
  registerEditor: (editor: LexicalEditor | null) => void;
  /** While the open note cannot take citations (read-only, failed to open): why, to say when someone cites. */
  declineCitations: (reason: string | null) => void;
  /** Saves the open note now; set by the open note while it is mounted. */
  registerFlush: (flush: (() => Promise<void>) | null) => void;
  /** Said to screen readers (and shown briefly) after an action with no other visible result. */
  announce: (message: string) => void;
  announcement: { message: string; nonce: number } | null;
  lastDeleted: NoteSummary | null;
  undoDelete: () => Promise<void>;
  dismissUndo: () => void;
}

export const NotesContext = createContext<NotesContextValue | null>(null);

export function useNotes(): NotesContextValue {
  const value = useContext(NotesContext);
  if (!value) throw new Error('useNotes() needs a <NotesProvider> above it (see App.tsx).');
  return value;
}
