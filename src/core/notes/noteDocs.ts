import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import type { NoteSummary } from '../../shared/domain/note';
import { ApiError } from '../../shared/api/errors';
import { EditorStateError, readEditorState } from '../../shared/notes/readEditorState';
import type { Db } from '../db/db';
import type { NoteRow } from './noteRows';
import { liveRow, storeNoteContent, toSummary } from './noteRows';
import type { NoteDocEditor } from './yjs/noteDocEditor';
import { createNoteDocEditor } from './yjs/noteDocEditor';
import { readOnlyReason } from '../db/readOnly';
import { writeTransaction } from '../db/writeTransaction';

/**
 * A note as a Yjs document (issue 12): its truth is its update log (table note_updates), and every
 * applied update derives notes.editor_state, the plain text and the citation rows in the same
 * transaction, so export, search and backlinks read what they read before. Every transaction is
 * IMMEDIATE: two processes appending to one note's log take turns, and each reads the rows the
 * other wrote before it adds its own.
 */

/** Past this many rows a note's log is merged into one (Y.mergeUpdates), in the transaction that passed it. */
export const COMPACT_AFTER_UPDATES = 200;
/** Documents kept loaded per library (a headless editor each): the notes open in windows. */
const MAX_LOADED_DOCS = 16;
/** The origin of updates read back from the log, so they are told apart from a window's. */
const FROM_LOG = 'log';

interface LoadedDoc {
  editor: NoteDocEditor;
  /** The last log row applied to `editor.doc`. */
  lastUpdateId: number;
  /** Built from the saved state but not stored: a read-only library cannot keep the seed. */
  unstoredSeed?: boolean;
}

const loadedDocs = new WeakMap<Db, Map<number, LoadedDoc>>();

function docsOf(db: Db): Map<number, LoadedDoc> {
  let docs = loadedDocs.get(db);
  if (!docs) loadedDocs.set(db, (docs = new Map()));
  return docs;
}

function forget(db: Db, noteId: number): void {
  const docs = docsOf(db);
  docs.get(noteId)?.editor.dispose();
  docs.delete(noteId);
}

export function hasNoteDoc(db: Db, noteId: number): boolean {
  return db.prepare('SELECT 1 FROM note_updates WHERE note_id = ? LIMIT 1').get(noteId) !== undefined;
}

function appendUpdate(db: Db, noteId: number, update: Uint8Array, origin: string): number {
  const info = db.prepare('INSERT INTO note_updates (note_id, update_data, origin, created_at) VALUES (?, ?, ?, ?)').run(noteId, update, origin, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

/**
 * The note's document, brought up to date with the log inside the caller's transaction. A note
 * with no log yet (saved before issue 12, or never opened) gets its document built once from its
 * saved editor state; the transaction is IMMEDIATE, so two windows opening it at once cannot both
 * seed it. Seeding writes nothing else: the note is unchanged until someone edits it. In a
 * read-only library the seed is kept in memory only (with this connection's copy, so a window
 * re-syncing by state vector gets nothing twice), and the note reads as it was saved.
 */
function loadDoc(db: Db, row: NoteRow, canWrite: boolean): LoadedDoc {
  const docs = docsOf(db);
  const logAfter = (id: number) => db.prepare('SELECT id, update_data FROM note_updates WHERE note_id = ? AND id > ? ORDER BY id').all(row.id, id) as { id: number; update_data: Uint8Array }[];
  let entry = docs.get(row.id);
  docs.delete(row.id); // re-inserted below: the map's order is least recently used first
  let rows = entry ? logAfter(entry.lastUpdateId) : [];
  // Another connection stored a document after this one seeded its own in memory: that one is the note's.
  if (entry?.unstoredSeed && rows.length > 0) {
    entry.editor.dispose();
    entry = undefined;
  }
  if (!entry) {
    entry = { editor: createNoteDocEditor(), lastUpdateId: 0 };
    rows = logAfter(0);
  }
  docs.set(row.id, entry);
  for (const [id, stale] of docs) {
    if (docs.size <= MAX_LOADED_DOCS) break;
    stale.editor.dispose();
    docs.delete(id);
  }
  if (rows.length > 0) {
    Y.applyUpdate(entry.editor.doc, rows.length === 1 ? rows[0]!.update_data : Y.mergeUpdates(rows.map((r) => r.update_data)), FROM_LOG);
    entry.lastUpdateId = rows.at(-1)!.id;
  } else if (entry.lastUpdateId === 0 && !entry.unstoredSeed) {
    entry.editor.replaceContent(row.editor_state);
    if (canWrite) entry.lastUpdateId = appendUpdate(db, row.id, Y.encodeStateAsUpdate(entry.editor.doc), 'seed');
    else entry.unstoredSeed = true;
  }
  return entry;
}

/**
 * Runs `work` on the note's loaded document in one write transaction (BEGIN IMMEDIATE: writeTransaction); on any failure the loaded copy is dropped with the rollback.
 * With `readOnly: 'allowed'` (opening a note) a read-only library reads it in a plain read transaction instead of refusing.
 */
function withNoteDoc<T>(db: Db, noteId: number, work: (entry: LoadedDoc, row: NoteRow) => T, { readOnly }: { readOnly?: 'allowed' } = {}): T {
  const canWrite = readOnlyReason(db) === undefined;
  const run = (): T => {
    const row = liveRow(db, noteId);
    return work(loadDoc(db, row, canWrite), row);
  };
  try {
    return canWrite || readOnly !== 'allowed' || db.inTransaction ? writeTransaction(db, run) : db.transaction(run).deferred();
  } catch (error) {
    forget(db, noteId);
    throw error;
  }
}

/** Derives the editor state, plain text and citations from the document and stores them if they changed. */
function deriveContent(db: Db, entry: LoadedDoc, row: NoteRow): void {
  const editorState = entry.editor.toEditorStateJson();
  // A note seeded from a state saved before issue 12 reads back with its keys in another order:
  // the same note, which must not move to the top of "last edited" because a window opened it.
  // (Key order leaves the length alone, so only states of equal length need the deeper look.)
  if (editorState === row.editor_state || (editorState.length === row.editor_state.length && isDeepStrictEqual(JSON.parse(editorState), JSON.parse(row.editor_state)))) return;
  let content;
  try {
    content = readEditorState(editorState);
  } catch (error) {
    if (error instanceof EditorStateError) throw new ApiError('invalid_request', `Note ${row.id} was not saved: ${error.message}`);
    throw error;
  }
  storeNoteContent(db, row.id, row.title, editorState, content);
}

function compactIfLong(db: Db, noteId: number, entry: LoadedDoc): void {
  const { count } = db.prepare('SELECT count(*) AS count FROM note_updates WHERE note_id = ?').get(noteId) as { count: number };
  if (count <= COMPACT_AFTER_UPDATES) return;
  const updates = (db.prepare('SELECT update_data FROM note_updates WHERE note_id = ? ORDER BY id').all(noteId) as { update_data: Uint8Array }[]).map((r) => r.update_data);
  db.prepare('DELETE FROM note_updates WHERE note_id = ?').run(noteId);
  entry.lastUpdateId = appendUpdate(db, noteId, Y.mergeUpdates(updates), 'compacted');
}

export interface NoteDocState {
  /** What the asker lacks (all of it without a state vector), as one Yjs update. */
  update: Uint8Array;
  /** The library's state vector, so the asker can send what the library lacks. */
  stateVector: Uint8Array;
}

/** A window opening (or re-syncing) a note: the stored document, or what the window's state vector lacks of it. */
export function openNoteDoc(db: Db, noteId: number, stateVector?: Uint8Array): NoteDocState {
  return withNoteDoc(db, noteId, ({ editor }) => {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(editor.doc, stateVector);
    } catch {
      throw new ApiError('invalid_request', `The state vector sent for note ${noteId} is not a Yjs state vector.`);
    }
    return { update, stateVector: Y.encodeStateVector(editor.doc) };
  }, { readOnly: 'allowed' });
}

/**
 * Applies one Yjs update from a window and derives the note's content from the result, in one
 * transaction: when this returns, the update is in the library (the window may say "Saved").
 * Applying an update twice changes nothing (Yjs updates are idempotent), so a window resends freely.
 */
export function applyNoteUpdate(db: Db, noteId: number, update: Uint8Array, origin: string): NoteSummary {
  return withNoteDoc(db, noteId, (entry, row) => {
    try {
      Y.applyUpdate(entry.editor.doc, update, origin);
    } catch (error) {
      throw new ApiError('invalid_request', `The change sent for note ${noteId} is not a Yjs update (${(error as Error).message}).`);
    }
    entry.lastUpdateId = appendUpdate(db, noteId, update, origin);
    deriveContent(db, entry, row);
    compactIfLong(db, noteId, entry);
    return toSummary(liveRow(db, noteId));
  });
}

/**
 * Replaces a Yjs note's content with a saved editor state (saveNote on a note open in windows):
 * the change is made in its document, as an edit, and returned so the windows receive it.
 * Null when the content is already that. Runs inside the caller's transaction.
 */
export function replaceNoteDocContent(db: Db, noteId: number, editorState: string): Uint8Array | null {
  return withNoteDoc(db, noteId, (entry, row) => {
    if (entry.editor.toEditorStateJson() === editorState) return null;
    const before = Y.encodeStateVector(entry.editor.doc);
    entry.editor.replaceContent(editorState);
    const update = Y.encodeStateAsUpdate(entry.editor.doc, before);
    entry.lastUpdateId = appendUpdate(db, noteId, update, 'library');
    deriveContent(db, entry, row);
    return update;
  });
}
