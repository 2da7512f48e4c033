import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { citation, editorStateJson, heading, link, paragraph, text } from '../../shared/notes/testStates';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { createNote, deleteNote, getNote, listNotePage, listNotes, purgeDeletedNotes, renameNote, restoreNote, saveNote } from './notes';
import { addSource, openTestLibrary, type TestLibrary } from '../../../tests/support/library';

let library: TestLibrary;
let db: Db;
beforeEach(() => {
  library = openTestLibrary();
  db = library.db;
});
afterEach(() => {
  vi.useRealTimers();
  library.cleanup();
});

const at = (iso: string) => vi.setSystemTime(new Date(iso));
const citationRows = (noteId: number) => db.prepare('SELECT ordinal, source_id, highlight_id FROM citations WHERE note_id = ? ORDER BY ordinal').all(noteId);
const plainText = (noteId: number) => (db.prepare('SELECT plain_text FROM notes WHERE id = ?').get(noteId) as { plain_text: string }).plain_text;

function apiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('notes', () => {
  it('creates an empty "Untitled note" and lists it with no citations', () => {
    const note = createNote(db);
    expect(note).toMatchObject({ title: 'Untitled note', citationCount: 0 });
    expect(JSON.parse(note.editorState)).toEqual({ root: expect.objectContaining({ type: 'root' }) });
    expect(listNotes(db)).toEqual([{ id: note.id, title: 'Untitled note', updatedAt: note.updatedAt, citationCount: 0 }]);
  });

  it('saves the state with its plain text and citation rows, and gives it back unchanged', () => {
    const azernews = addSource(db, { title: 'The sending of UN peacekeepers', outlet: 'AzerNews', publishedAt: '2023-01-11' });
    const armenpress = addSource(db, { title: 'Lachin corridor', outlet: 'Armenpress', publishedAt: '2022-12-20' });
    const note = createNote(db, { title: 'Blockade' });
    const state = editorStateJson(
      heading('h1', text('Two accounts')),
      paragraph(text('Baku says '), citation(azernews, 5), text(', Yerevan says '), citation(armenpress)),
      paragraph(link('marginalia://source/1', text('see')), citation(azernews, 6)),
    );
    const summary = saveNote(db, note.id, { editorState: state });
    expect(summary).toMatchObject({ id: note.id, title: 'Blockade', citationCount: 3 });
    expect(getNote(db, note.id).editorState).toBe(state);
    expect(plainText(note.id)).toBe('Two accounts\n\nBaku says (AzerNews, 2023-01-11), Yerevan says (AzerNews, 2023-01-11)\n\nsee(AzerNews, 2023-01-11)');
    expect(citationRows(note.id)).toEqual([
      { ordinal: 0, source_id: azernews, highlight_id: 5 },
      { ordinal: 1, source_id: armenpress, highlight_id: null },
      { ordinal: 2, source_id: azernews, highlight_id: 6 },
    ]);

    // A later save replaces the rows: they always match the note.
    saveNote(db, note.id, { editorState: editorStateJson(paragraph(citation(armenpress, 9))) });
    expect(citationRows(note.id)).toEqual([{ ordinal: 0, source_id: armenpress, highlight_id: 9 }]);
    expect(listNotes(db)[0]!.citationCount).toBe(1);
  });

  it('refuses a state the editor could not load, and leaves the note as it was', () => {
    const source = addSource(db, { title: 'A source' });
    const note = createNote(db);
    const good = editorStateJson(paragraph(text('kept'), citation(source)));
    saveNote(db, note.id, { editorState: good });
    const bad = editorStateJson(paragraph({ ...citation(source), snapshot: { title: 42 } }));
    expect(apiError(() => saveNote(db, note.id, { editorState: bad })).message).toMatch(/^Note \d+ was not saved: Citation 1 is invalid: snapshot\.quote/);
    expect(apiError(() => saveNote(db, note.id, { editorState: '{"root": ' })).code).toBe('invalid_request');
    expect(getNote(db, note.id).editorState).toBe(good);
    expect(citationRows(note.id)).toHaveLength(1);
  });

  it('keeps a citation of a deleted source: the row loses its source, the note keeps the citation', () => {
    const source = addSource(db, { title: 'Soon deleted' });
    const note = createNote(db);
    const state = editorStateJson(paragraph(citation(source)));
    saveNote(db, note.id, { editorState: state });
    db.prepare('DELETE FROM sources WHERE id = ?').run(source);
    expect(citationRows(note.id)).toEqual([{ ordinal: 0, source_id: null, highlight_id: null }]);
    // Saving again must not trip the foreign key on the missing source.
    saveNote(db, note.id, { editorState: editorStateJson(paragraph(text('more'), citation(source))) });
    expect(citationRows(note.id)).toEqual([{ ordinal: 0, source_id: null, highlight_id: null }]);
    expect(getNote(db, note.id).citationCount).toBe(1);
  });

  it('lists notes by last edit; saving what is stored does not count as an edit', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2023-01-01T10:00:00Z');
    const first = createNote(db, { title: 'First' });
    at('2023-01-01T11:00:00Z');
    const second = createNote(db, { title: 'Second' });
    expect(listNotes(db).map((n) => n.title)).toEqual(['Second', 'First']);
    at('2023-01-01T12:00:00Z');
    saveNote(db, first.id, { editorState: editorStateJson(paragraph(text('edited'))) });
    expect(listNotes(db).map((n) => n.title)).toEqual(['First', 'Second']);
    at('2023-01-01T13:00:00Z');
    saveNote(db, second.id, { editorState: getNote(db, second.id).editorState, title: 'Second' });
    expect(listNotes(db).map((n) => [n.title, n.updatedAt])).toEqual([
      ['First', '2023-01-01T12:00:00.000Z'],
      ['Second', '2023-01-01T11:00:00.000Z'],
    ]);
    renameNote(db, second.id, '  Second,\n renamed ');
    expect(listNotes(db).map((n) => [n.title, n.updatedAt])[0]).toEqual(['Second, renamed', '2023-01-01T13:00:00.000Z']);
  });

  it('pages the list in SQL: the pages together are the whole list in order, deleted notes left out, with the live count', () => {
    const notes = Array.from({ length: 7 }, (_, index) => {
      at(`2023-01-01T1${index}:00:00Z`);
      return createNote(db, { title: `Note ${index}` });
    });
    deleteNote(db, notes[3]!.id);
    const pages = [0, 3, 6].map((offset) => listNotePage(db, { offset, limit: 3 }));
    expect(pages.map((page) => page.total)).toEqual([6, 6, 6]);
    expect(pages.flatMap((page) => page.notes)).toEqual(listNotes(db));
    expect(pages.flatMap((page) => page.notes).map((note) => note.title)).toEqual(['Note 6', 'Note 5', 'Note 4', 'Note 2', 'Note 1', 'Note 0']);
  });

  it('stores a blank title as "Untitled note"', () => {
    const note = createNote(db, { title: 'Named' });
    expect(renameNote(db, note.id, '   ').title).toBe('Untitled note');
    expect(saveNote(db, note.id, { editorState: note.editorState, title: 'Back' }).title).toBe('Back');
  });

  it('deletes with undo: a deleted note is hidden, cannot be saved, and comes back whole', () => {
    const source = addSource(db, { title: 'Cited' });
    const note = createNote(db, { title: 'To delete' });
    saveNote(db, note.id, { editorState: editorStateJson(paragraph(citation(source))) });
    const before = listNotes(db);
    expect(deleteNote(db, note.id)).toMatchObject({ id: note.id, title: 'To delete' });
    expect(listNotes(db)).toEqual([]);
    expect(apiError(() => getNote(db, note.id)).message).toMatch(/was deleted\. Undo the deletion/);
    expect(apiError(() => saveNote(db, note.id, { editorState: note.editorState })).code).toBe('not_found');
    expect(restoreNote(db, note.id)).toEqual(before[0]);
    expect(listNotes(db)).toEqual(before);
    expect(citationRows(note.id)).toHaveLength(1);
  });

  it('purges notes deleted long ago, with their citations, and then cannot restore them', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const source = addSource(db, { title: 'Cited' });
    at('2023-01-01T00:00:00Z');
    const old = createNote(db, { title: 'Old' });
    saveNote(db, old.id, { editorState: editorStateJson(paragraph(citation(source))) });
    deleteNote(db, old.id);
    at('2023-03-01T00:00:00Z');
    const recent = createNote(db, { title: 'Recent' });
    deleteNote(db, recent.id); // deleting purges what was deleted over 30 days before
    expect(citationRows(old.id)).toEqual([]);
    expect(apiError(() => restoreNote(db, old.id)).message).toMatch(/more than 30 days ago/);
    expect(restoreNote(db, recent.id).title).toBe('Recent');
    expect(purgeDeletedNotes(db, new Date('2030-01-01'))).toBe(0);
  });

  it('says which note was not found', () => {
    expect(apiError(() => getNote(db, 404)).message).toMatch(/^Note 404 was not found/);
    expect(apiError(() => renameNote(db, 404, 'x')).code).toBe('not_found');
  });

  it('survives closing and reopening the library file', () => {
    const note = createNote(db, { title: 'Durable' });
    const state = editorStateJson(paragraph(text('still here')));
    saveNote(db, note.id, { editorState: state });
    db.close();
    const reopened = openDatabase(library.file);
    try {
      expect(getNote(reopened, note.id)).toMatchObject({ title: 'Durable', editorState: state });
    } finally {
      reopened.close();
    }
  });
});
