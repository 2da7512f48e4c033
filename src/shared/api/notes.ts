import { z } from 'zod';
import { HighlightTranslation } from '../domain/translation';
import { CitationSnapshot, Note, NoteId, NoteSummary } from '../domain/note';
import { SourceId } from '../domain/source';
import { MAX_EDITOR_STATE_CHARS } from '../notes/readEditorState';
import type { Change } from './changes';
import { citedSourceIds } from './changes';
import { mutation, query } from './operation';

/** Blank means "Untitled note" (core stores that); the text box may be empty while typing. */
export const NoteTitle = z.string().max(200, 'A note title has at most 200 characters');

export const DEFAULT_NOTE_TITLE = 'Untitled note';

const HighlightRef = z.number().int().positive();

/** One note citing a source or highlight, with where in the note it does ("open the note at the citation"). */
export const NoteBacklink = z.object({
  noteId: NoteId,
  title: z.string(),
  updatedAt: z.string(),
  /** The note's citations of it, in document order. */
  citations: z.array(z.object({ ordinal: z.number().int().nonnegative(), highlightId: HighlightRef.nullable() })),
});
export type NoteBacklink = z.infer<typeof NoteBacklink>;

/** A cited source's details as they are now (a chip shows these while the source exists, issue 16). */
export const CitedSourceDetails = CitationSnapshot.omit({ quote: true }).extend({ id: SourceId });
export type CitedSourceDetails = z.infer<typeof CitedSourceDetails>;

export const CitationTargetStatus = z.object({
  /** Of the ids asked about, those no longer in the library. */
  missingSourceIds: z.array(SourceId),
  missingHighlightIds: z.array(HighlightRef),
  /** The translations of the cited highlights that have one (issue 14): the chip's hover shows them beside the quote. */
  translations: z.array(z.object({ highlightId: HighlightRef, translation: HighlightTranslation })),
  /** The current details of those still there, in the order asked. */
  sources: z.array(CitedSourceDetails),
});
export type CitationTargetStatus = z.infer<typeof CitationTargetStatus>;

/** A Yjs update or state vector, base64 (issue 12). As large as a note may be, and no larger. */
export const YjsBytes = z.base64().max(Math.ceil((MAX_EDITOR_STATE_CHARS * 4) / 3) + 4, 'A note change is at most 10 MB');

/** Which window sent an update: random per editor, so a window skips the echo of its own updates. */
export const NoteClientId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A client id is 1 to 64 letters, digits, - or _');

export const NoteDocState = z.object({ update: YjsBytes, stateVector: YjsBytes });
export type NoteDocState = z.infer<typeof NoteDocState>;

/** A note hidden or brought back changes what cites its sources (which ones is not in the request). */
const noteComesOrGoes = (id: number): Change[] => [
  { kind: 'notes', ids: [id] },
  { kind: 'citations' },
];

/** Notes (issue 4): write, cite, and find what cites a source. */
export const noteOperations = {
  /** Live notes, most recently edited first. */
  listNotes: query(z.object({}), z.array(NoteSummary)),
  /** A page of them (the notes list at 10,000 notes), with how many there are. */
  listNotePage: query(
    z.object({ offset: z.number().int().nonnegative().max(10_000_000).optional(), limit: z.number().int().min(1).max(1000).optional() }),
    z.object({ notes: z.array(NoteSummary), total: z.number().int().nonnegative() }),
  ),
  getNote: query(z.object({ id: NoteId }), Note),
  /** `title: ''` makes an "Untitled note". Strict, like every request that could otherwise be almost anything. */
  createNote: mutation(z.strictObject({ title: NoteTitle }), Note, (request, note) => [{ kind: 'notes', ids: [note.id] }]),
  renameNote: mutation(z.object({ id: NoteId, title: NoteTitle }), NoteSummary, ({ id }) => [{ kind: 'notes', ids: [id] }]),
  /**
   * Saves the editor state (and the title, when given). Refused, and nothing changed, when the
   * state is not one the editor could load again (bad JSON, an invalid citation, a forbidden link).
   */
  saveNote: mutation(
    z.object({ id: NoteId, editorState: z.string().max(MAX_EDITOR_STATE_CHARS), title: NoteTitle.optional() }),
    NoteSummary,
    // The note, and "Cited in" of the sources it cites now (a view of a source it stopped citing
    // lists this note, so it depends on `notes` [id] and hears it too).
    ({ id, editorState }) => [
      { kind: 'notes', ids: [id] },
      { kind: 'citations', ids: citedSourceIds(editorState) },
    ],
  ),
  /**
   * A window opening a note for editing (issue 12): its Yjs document as one update, and the
   * library's state vector. With the window's `stateVector` (a re-sync after the event stream
   * reconnected), only what the window lacks. A query: the first open builds the document from
   * the saved note once, which changes nothing anyone sees.
   */
  openNoteDoc: query(z.object({ id: NoteId, stateVector: YjsBytes.optional() }), NoteDocState),
  /**
   * One Yjs update from a window's editor. It answers once the library has committed it, with the
   * note's content derived (the window may then say "Saved"); the other windows on the note get
   * it as a `noteUpdate` event.
   */
  applyNoteUpdate: mutation(
    z.object({ id: NoteId, update: YjsBytes, clientId: NoteClientId }),
    // With the sources the note cites once the update is in, which "Cited in" views depend on.
    NoteSummary.extend({ citedSourceIds: z.array(SourceId) }),
    // As saveNote: the note, and "Cited in" of the sources it cites (a source it stopped citing lists
    // this note, so that view depends on `notes` [id] and hears it too).
    ({ id }, { citedSourceIds }) => [
      { kind: 'notes', ids: [id] },
      { kind: 'citations', ids: citedSourceIds },
    ],
  ),
  /** Hides the note (undoable with restoreNote); deleted notes are purged after 30 days. */
  deleteNote: mutation(z.object({ id: NoteId }), NoteSummary, ({ id }) => noteComesOrGoes(id)),
  restoreNote: mutation(z.object({ id: NoteId }), NoteSummary, ({ id }) => noteComesOrGoes(id)),
  /** "Cited in": the live notes citing a source (any of its passages) or one highlight. */
  listBacklinks: query(z.union([z.object({ sourceId: SourceId }), z.object({ highlightId: HighlightRef })]), z.array(NoteBacklink)),
  /** Which cited sources and highlights were deleted since, so their chips can say so. */
  checkCitationTargets: query(
    z.object({ sourceIds: z.array(SourceId).max(10_000), highlightIds: z.array(HighlightRef).max(10_000) }),
    CitationTargetStatus,
  ),
};

export type NoteOperations = typeof noteOperations;

/** Implementations of these operations, typed from the schemas as the contract's Handlers are. */
export type NoteHandlers = {
  [K in keyof NoteOperations]: (request: z.output<NoteOperations[K]['request']>) => z.output<NoteOperations[K]['response']>;
};
