import { $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiError } from '../../../shared/api/errors';
import { citation, editorStateJson, heading, lineBreak, link, list, listItem, paragraph, quote, text } from '../../../shared/notes/testStates';
import type { Db } from '../../db/db';
import { openDatabase } from '../../db/openDatabase';
import { Library } from '../../library';
import { applyNoteUpdate, COMPACT_AFTER_UPDATES, openNoteDoc } from '../noteDocs';
import { createNote, getNote, saveNote, saveNoteContent } from '../notes';
import { createNoteDocEditor } from './noteDocEditor';
import { TestWindow } from './testWindow';
import { addSource, openTestLibrary, type TestLibrary } from '../../../../tests/support/library';

/** Issue 12, item 1: a note is a Yjs document in the library; windows' updates merge and derive the saved note. */
let library: TestLibrary;
let db: Db;
beforeEach(() => {
  library = openTestLibrary();
  db = library.db;
});
afterEach(() => library.cleanup());

const logRows = (noteId: number) => db.prepare('SELECT origin FROM note_updates WHERE note_id = ? ORDER BY id').all(noteId) as { origin: string }[];
const plainText = (noteId: number) => (db.prepare('SELECT plain_text FROM notes WHERE id = ?').get(noteId) as { plain_text: string }).plain_text;
const citationRows = (noteId: number) => db.prepare('SELECT ordinal, source_id, highlight_id FROM citations WHERE note_id = ? ORDER BY ordinal').all(noteId);
const openWindow = (noteId: number, clientId: string, on: Db = db) => new TestWindow(clientId, openNoteDoc(on, noteId).update);
/** What the window typed, sent to the library; the library's answer is the acknowledgement. */
const send = (window: TestWindow, noteId: number, on: Db = db) => {
  const update = window.takeUpdate();
  if (update) applyNoteUpdate(on, noteId, update, window.clientId);
  return update;
};

describe('a note saved before issue 12', () => {
  it('becomes a Yjs document on first open, unchanged, and only once', () => {
    const source = addSource(db, { title: 'Lachin corridor', outlet: 'Armenpress', publishedAt: '2022-12-20' });
    const note = createNote(db, { title: 'Old note' });
    const state = editorStateJson(
      heading('h2', text('Two accounts')),
      // (A paragraph opening with bold text would read back with textFormat 1: Lexical sets it, as the editor writes it.)
      paragraph(text('Baku says '), text('firmly', 1), citation(source, 5), lineBreak(), link('https://example.org/a', text('a link'))),
      list('bullet', listItem(1, text('first')), listItem(2, text('second', 2))),
      quote(text('A quoted line')),
    );
    saveNote(db, note.id, { editorState: state });
    const before = getNote(db, note.id);

    const window = openWindow(note.id, 'a');
    expect(JSON.parse(window.editorStateJson())).toEqual(JSON.parse(state));
    // Opening wrote the seed and nothing else: same state, same "last edited".
    expect(getNote(db, note.id)).toEqual(before);
    expect(logRows(note.id)).toEqual([{ origin: 'seed' }]);

    // A second window gets the same document, not a second seed (which would double the text).
    const second = openWindow(note.id, 'b');
    expect(second.text()).toBe(window.text());
    expect(logRows(note.id)).toEqual([{ origin: 'seed' }]);
  });
});

describe('applying a window’s updates', () => {
  it('derives the editor state, the plain text and the citation rows in the same transaction', () => {
    const source = addSource(db, { title: 'The sending of UN peacekeepers', outlet: 'AzerNews', publishedAt: '2023-01-11' });
    const note = createNote(db, { title: 'Live' });
    const window = openWindow(note.id, 'a');
    window.type('Baku says ');
    window['docEditor'].editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.append($createTextNode(' and more'));
      },
      { discrete: true },
    );
    send(window, note.id);
    expect(plainText(note.id)).toBe('Baku says  and more');
    expect(JSON.parse(getNote(db, note.id).editorState)).toEqual(JSON.parse(window.editorStateJson()));

    // A citation arrives through the document like any edit: its row is derived.
    saveNote(db, note.id, { editorState: editorStateJson(paragraph(text('Baku says '), citation(source, 7))) });
    expect(citationRows(note.id)).toEqual([{ ordinal: 0, source_id: source, highlight_id: 7 }]);
    expect(plainText(note.id)).toBe('Baku says (AzerNews, 2023-01-11)');
  });

  it('merges two windows typing at once, in whatever order their updates arrive', () => {
    const note = createNote(db, { title: 'Shared' });
    const a = openWindow(note.id, 'a');
    const b = openWindow(note.id, 'b');
    const relay = (from: TestWindow, to: TestWindow) => {
      const update = send(from, note.id);
      if (update) to.receive(update);
    };
    for (let i = 0; i < 20; i++) {
      a.type(`a${i} `);
      b.type(`b${i} `);
      // Sometimes one window sends twice before the other's update reaches it.
      if (i % 3 === 0) relay(a, b);
      relay(b, a);
      if (i % 3 !== 0) relay(a, b);
    }
    const stored = plainText(note.id);
    expect(a.text()).toBe(stored);
    expect(b.text()).toBe(stored);
    for (let i = 0; i < 20; i++) {
      expect(stored).toContain(`a${i} `);
      expect(stored).toContain(`b${i} `);
    }
  });

  it('keeps every update of two connections (two processes) writing one note', () => {
    const other = openDatabase(library.file);
    try {
      const note = createNote(db, { title: 'Two processes' });
      const a = openWindow(note.id, 'a', db);
      const b = openWindow(note.id, 'b', other);
      for (let i = 0; i < 10; i++) {
        a.type(`[a${i}]`, { newParagraph: true });
        b.type(`[b${i}]`, { newParagraph: true });
        send(a, note.id, db);
        send(b, note.id, other);
      }
      const stored = plainText(note.id);
      for (let i = 0; i < 10; i++) {
        expect(stored).toContain(`[a${i}]`);
        expect(stored).toContain(`[b${i}]`);
      }
      // What each connection derived last is what a fresh document built from the log says.
      const fresh = createNoteDocEditor();
      Y.applyUpdate(fresh.doc, openNoteDoc(other, note.id).update);
      expect(JSON.parse(getNote(db, note.id).editorState)).toEqual(JSON.parse(fresh.toEditorStateJson()));
    } finally {
      other.close();
    }
  });

  it('takes the same update twice without a change (a window resends after a failed answer)', () => {
    const note = createNote(db, { title: 'Twice' });
    const window = openWindow(note.id, 'a');
    window.type('once');
    const update = window.takeUpdate()!;
    applyNoteUpdate(db, note.id, update, 'a');
    applyNoteUpdate(db, note.id, update, 'a');
    expect(plainText(note.id)).toBe('once');
  });

  it('refuses what is not a Yjs update, naming the note, and stores nothing', () => {
    const note = createNote(db, { title: 'Bad' });
    openWindow(note.id, 'a');
    const rows = logRows(note.id).length;
    let caught: unknown;
    try {
      applyNoteUpdate(db, note.id, new Uint8Array([1, 2, 3, 250, 7]), 'a');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).message).toMatch(new RegExp(`note ${note.id}`));
    expect(logRows(note.id).length).toBe(rows);
    const window = openWindow(note.id, 'b');
    window.type('still fine');
    send(window, note.id);
    expect(plainText(note.id)).toBe('still fine');
  });

  it('compacts a long log into one merged update, losing nothing', () => {
    const note = createNote(db, { title: 'Long' });
    const window = openWindow(note.id, 'a');
    for (let i = 0; i < COMPACT_AFTER_UPDATES + 5; i++) {
      window.type(`w${i} `);
      send(window, note.id);
    }
    const rows = logRows(note.id);
    expect(rows.length).toBeLessThan(10);
    expect(rows[0]!.origin).toBe('compacted');
    const reopened = openWindow(note.id, 'b');
    expect(reopened.text()).toBe(window.text());
    expect(plainText(note.id)).toBe(window.text());
    expect(window.text()).toContain(`w${COMPACT_AFTER_UPDATES + 4} `);
  });
});

describe('saveNote on a note open in windows', () => {
  it('makes the change in the document and returns it for the windows', () => {
    const note = createNote(db, { title: 'Saved' });
    const window = openWindow(note.id, 'a');
    window.type('typed');
    send(window, note.id);
    const { update } = saveNoteContent(db, note.id, { editorState: editorStateJson(paragraph(text('replaced'))) });
    expect(update).not.toBeNull();
    window.receive(update!);
    expect(window.text()).toBe('replaced');
    expect(plainText(note.id)).toBe('replaced');
  });
});

describe('a note in a read-only library', () => {
  it('opens in a window as it was saved, whether or not it was a Yjs document, and refuses a change saying why', () => {
    const old = createNote(db, { title: 'Saved before issue 12' });
    saveNote(db, old.id, { editorState: editorStateJson(paragraph(text('Words from before'))) });
    const edited = createNote(db, { title: 'Edited in a window' });
    const writer = openWindow(edited.id, 'w');
    writer.type('Typed in a window');
    send(writer, edited.id);
    library.library.close();

    const readOnly = Library.open(library.file, { readonly: true });
    try {
      const oldWindow = openWindow(old.id, 'a', readOnly.db);
      expect(oldWindow.text()).toBe('Words from before');
      expect(openWindow(edited.id, 'b', readOnly.db).text()).toBe('Typed in a window');
      // A window re-syncing gets nothing twice: the same document, not a second one built from the saved note.
      oldWindow.receive(openNoteDoc(readOnly.db, old.id, Y.encodeStateVector(oldWindow.doc)).update);
      expect(oldWindow.text()).toBe('Words from before');
      oldWindow.type(' and more');
      expect(() => send(oldWindow, old.id, readOnly.db)).toThrow(/^The library is read-only/);
      expect(readOnly.db.prepare('SELECT count(*) FROM note_updates WHERE note_id = ?').pluck().get(old.id)).toBe(0);
    } finally {
      readOnly.close();
    }
  });
});

describe('re-syncing by state vector', () => {
  it('gives a window only what it lacks, and takes what the library lacks', () => {
    const note = createNote(db, { title: 'Resync' });
    const a = openWindow(note.id, 'a');
    const b = openWindow(note.id, 'b');
    a.type('from a ');
    send(a, note.id); // b missed this (its event stream was down)
    b.type('from b ');
    b.takeUpdate(); // and this one of b's never reached the library
    const { update, stateVector } = openNoteDoc(db, note.id, Y.encodeStateVector(b.doc));
    b.receive(update);
    applyNoteUpdate(db, note.id, Y.encodeStateAsUpdate(b.doc, stateVector), 'b');
    expect(plainText(note.id)).toContain('from a');
    expect(plainText(note.id)).toContain('from b');
  });
});
