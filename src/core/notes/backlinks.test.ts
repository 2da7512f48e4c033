import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { citation, editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import type { Db } from '../db/db';
import { checkCitationTargets, listBacklinks } from './backlinks';
import { createNoteHandlers } from './createNoteHandlers';
import { createNote, deleteNote, saveNote } from './notes';
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

describe('backlinks', () => {
  it('lists the live notes citing a source or a highlight, with where in each note', () => {
    const cited = addSource(db, { title: 'Cited', outlet: 'AzerNews' });
    const other = addSource(db, { title: 'Other' });
    const a = createNote(db, { title: 'A' });
    const b = createNote(db, { title: 'B' });
    const gone = createNote(db, { title: 'Deleted' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-01-01T10:00:00Z'));
    saveNote(db, a.id, { editorState: editorStateJson(paragraph(citation(other), text('x'), citation(cited, 4), citation(cited))) });
    vi.setSystemTime(new Date('2023-01-01T11:00:00Z'));
    saveNote(db, b.id, { editorState: editorStateJson(paragraph(citation(cited, 4))) });
    saveNote(db, gone.id, { editorState: editorStateJson(paragraph(citation(cited, 4))) });
    deleteNote(db, gone.id);

    // Most recently edited first.
    expect(listBacklinks(db, { sourceId: cited })).toEqual([
      { noteId: b.id, title: 'B', updatedAt: '2023-01-01T11:00:00.000Z', citations: [{ ordinal: 0, highlightId: 4 }] },
      { noteId: a.id, title: 'A', updatedAt: '2023-01-01T10:00:00.000Z', citations: [{ ordinal: 1, highlightId: 4 }, { ordinal: 2, highlightId: null }] },
    ]);
    expect(listBacklinks(db, { highlightId: 4 }).map((note) => [note.title, note.citations])).toEqual([
      ['B', [{ ordinal: 0, highlightId: 4 }]],
      ['A', [{ ordinal: 1, highlightId: 4 }]],
    ]);
    expect(listBacklinks(db, { highlightId: 5 })).toEqual([]);
    expect(listBacklinks(db, { sourceId: 999 })).toEqual([]);
  });

  it('says which cited sources and highlights are gone', () => {
    const kept = addSource(db, { title: 'Kept' });
    const deleted = addSource(db, { title: 'Deleted' });
    db.prepare('DELETE FROM sources WHERE id = ?').run(deleted);
    expect(checkCitationTargets(db, [kept, deleted, deleted], [3])).toEqual({ missingSourceIds: [deleted], missingHighlightIds: [3], sources: [expect.objectContaining({ id: kept, title: 'Kept' })], translations: [] });
    db.prepare("INSERT INTO highlights (id, source_id, start, end, exact, prefix, suffix, created_at, updated_at) VALUES (3, ?, 0, 4, 'Kept', '', '', '', '')").run(kept);
    expect(checkCitationTargets(db, [kept], [3, 4])).toEqual({ missingSourceIds: [], missingHighlightIds: [4], sources: [expect.objectContaining({ id: kept })], translations: [] });
    db.prepare("UPDATE highlights SET translation = 'Held', translation_language = 'en' WHERE id = 3").run();
    expect(checkCitationTargets(db, [kept], [3, 4]).translations).toEqual([{ highlightId: 3, translation: { text: 'Held', language: 'en', tool: null } }]);
  });

  it("gives the cited sources' details as they are now, so chips follow an edit", () => {
    const source = addSource(db, { title: 'Old title' });
    db.prepare("UPDATE sources SET title = 'New title', published_at = '2024-02-03', outlet = 'AzerNews', author = 'A. Writer' WHERE id = ?").run(source);
    expect(checkCitationTargets(db, [source], []).sources).toEqual([{ id: source, title: 'New title', outlet: 'AzerNews', author: 'A. Writer', publishedAt: '2024-02-03', citekey: expect.any(String) }]);
  });

  it('is reachable through the handlers with the contract shapes', () => {
    const source = addSource(db, { title: 'Cited' });
    const handlers = createNoteHandlers(db);
    const note = handlers.createNote({ title: 'Via handlers' });
    handlers.saveNote({ id: note.id, editorState: editorStateJson(paragraph(citation(source, 2))) });
    expect(handlers.listNotes({})).toEqual([{ id: note.id, title: 'Via handlers', updatedAt: expect.any(String), citationCount: 1 }]);
    expect(handlers.listBacklinks({ sourceId: source })).toEqual([expect.objectContaining({ noteId: note.id, citations: [{ ordinal: 0, highlightId: 2 }] })]);
    expect(handlers.deleteNote({ id: note.id }).id).toBe(note.id);
    expect(handlers.listNotes({})).toEqual([]);
    expect(handlers.restoreNote({ id: note.id }).citationCount).toBe(1);
  });
});
