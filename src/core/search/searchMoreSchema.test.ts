import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import { migrations } from '../db/migrations';
import type { Db } from '../db/openDatabase';
import { createHighlight, deleteHighlight, restoreHighlight, updateHighlight } from '../highlights/highlights';
import { reanchorSource } from '../highlights/reanchorSource';
import { addHighlightTag, removeHighlightTag } from '../highlights/tags';
import { createNote, deleteNote, purgeDeletedNotes, renameNote, restoreNote, saveNote } from '../notes/notes';
import { deleteSource } from '../sources';
import { SEARCH_MORE_MIGRATION } from './searchMoreSchema';
import { addSource, openSearchTestLibrary } from './searchTestLibrary';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openSearchTestLibrary()));
afterEach(() => cleanup());

const BODY = 'Convoys waited at the Laçın checkpoint near Xankəndi. Peacekeepers stood by the road.';
const range = (words: string) => ({ start: BODY.indexOf(words), end: BODY.indexOf(words) + words.length });

/** Ids whose index entry matches, straight from FTS5 (no search.ts in between). */
const ids = (table: 'highlights_fts' | 'notes_fts', match: string) =>
  (db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(match) as { id: number }[]).map((row) => row.id);

/** Every term an index holds, to prove that changes leave nothing stale behind. */
function terms(table: 'highlights_fts' | 'notes_fts'): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_vocab USING fts5vocab(main, '${table}', 'row')`);
  return (db.prepare(`SELECT term FROM temp.${table}_vocab ORDER BY term`).all() as { term: string }[]).map((row) => row.term);
}

const noteState = (words: string) => editorStateJson(paragraph(text(words)));

describe('highlights_fts follows highlights, their tags and their comments', () => {
  it('indexes the quote, the comment and the tags, folded', () => {
    const sourceId = addSource(db, { body: BODY });
    const { id } = createHighlight(db, { sourceId, ...range('Laçın checkpoint'), comment: 'Seen from Xankəndi', tags: ['Blockade', 'Ёлка'] });
    expect(ids('highlights_fts', '{exact} : "lacin"')).toEqual([id]);
    expect(ids('highlights_fts', '{comment} : "xankendi"')).toEqual([id]);
    expect(ids('highlights_fts', '{tags} : "blockade" AND {tags} : "елка"')).toEqual([id]);
    expect(terms('highlights_fts')).toEqual(['blockade', 'checkpoint', 'from', 'lacin', 'seen', 'xankendi', 'елка']);
  });

  it('follows tags added, added again, and removed', () => {
    const sourceId = addSource(db, { body: BODY });
    const { id } = createHighlight(db, { sourceId, ...range('Peacekeepers') });
    addHighlightTag(db, id, 'ceasefire');
    // The same tag again is an INSERT OR IGNORE: the highlight must stay in the index.
    addHighlightTag(db, id, 'Ceasefire');
    expect(ids('highlights_fts', '"ceasefire" AND "peacekeepers"')).toEqual([id]);
    removeHighlightTag(db, id, 'ceasefire');
    expect(ids('highlights_fts', '"ceasefire"')).toEqual([]);
    expect(terms('highlights_fts')).toEqual(['peacekeepers']);
  });

  it('follows a renamed tag and a tag deleted out from under its highlights', () => {
    const sourceId = addSource(db, { body: BODY });
    const { id } = createHighlight(db, { sourceId, ...range('Peacekeepers'), tags: ['truce', 'road'] });
    db.prepare("UPDATE tags SET name = 'Armistice', name_key = 'armistice' WHERE name = 'truce'").run();
    expect(ids('highlights_fts', '"armistice"')).toEqual([id]);
    // ON DELETE CASCADE removes the highlight_tags row after the tag is gone.
    db.prepare("DELETE FROM tags WHERE name = 'road'").run();
    expect(terms('highlights_fts')).toEqual(['armistice', 'peacekeepers']);
  });

  it('follows an edited comment and a re-anchored quote, and ignores a colour change', () => {
    const sourceId = addSource(db, { body: BODY });
    const { id } = createHighlight(db, { sourceId, ...range('Laçın checkpoint'), comment: 'first' });
    updateHighlight(db, id, { comment: 'second thoughts', color: 'red' });
    expect(terms('highlights_fts')).toEqual(['checkpoint', 'lacin', 'second', 'thoughts']);
    reanchorSource(db, sourceId, BODY.replace('Laçın checkpoint', 'Lachin checkpoint'));
    expect(terms('highlights_fts')).toEqual(['checkpoint', 'lachin', 'second', 'thoughts']);
  });

  it('forgets a deleted highlight, brings back a restored one, and forgets a deleted source’s highlights', () => {
    const sourceId = addSource(db, { body: BODY });
    const other = addSource(db, { body: 'Another article about the road.' });
    const kept = createHighlight(db, { sourceId: other, start: 0, end: 7, tags: ['kept'] });
    const gone = deleteHighlight(db, createHighlight(db, { sourceId, ...range('Peacekeepers'), tags: ['blockade'] }).id);
    expect(ids('highlights_fts', '"peacekeepers"')).toEqual([]);
    restoreHighlight(db, gone);
    expect(ids('highlights_fts', '"peacekeepers" AND "blockade"')).toEqual([gone.id]);
    createHighlight(db, { sourceId, ...range('Xankəndi'), comment: 'a comment' });
    deleteSource(db, sourceId);
    expect(terms('highlights_fts')).toEqual(['another', 'kept']);
    expect(db.prepare('SELECT id FROM highlights_search_text').all()).toEqual([{ id: kept.id }]);
  });

  it('keeps a highlight and its index entry in one transaction', () => {
    const sourceId = addSource(db, { body: BODY });
    expect(() =>
      db.transaction(() => {
        createHighlight(db, { sourceId, ...range('Peacekeepers'), tags: ['vanishing'] });
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(terms('highlights_fts')).toEqual([]);
  });
});

describe('notes_fts follows notes, leaving deleted notes out', () => {
  it('indexes the title and the text, folded, and follows renames and saves', () => {
    const note = createNote(db, { title: 'Xankəndi talks' });
    saveNote(db, note.id, { editorState: noteState('Ёлка and the Laçın road') });
    expect(ids('notes_fts', '{title} : "xankendi" AND {plain_text} : "елка" AND "lacin"')).toEqual([note.id]);
    renameNote(db, note.id, 'Stepanakert');
    saveNote(db, note.id, { editorState: noteState('Only peacekeepers now') });
    expect(terms('notes_fts')).toEqual(['now', 'only', 'peacekeepers', 'stepanakert']);
  });

  it('takes a deleted note out, puts a restored one back, and purges without trace', () => {
    const note = createNote(db, { title: 'Corridor' });
    deleteNote(db, note.id);
    expect(ids('notes_fts', '"corridor"')).toEqual([]);
    restoreNote(db, note.id);
    expect(ids('notes_fts', '"corridor"')).toEqual([note.id]);
    deleteNote(db, note.id);
    expect(purgeDeletedNotes(db, new Date(Date.now() + 1000))).toBe(1);
    expect(terms('notes_fts')).toEqual([]);
    expect(() => db.exec("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
  });
});

describe('SEARCH_MORE_MIGRATION on a library that already holds highlights and notes', () => {
  it('indexes the existing highlights with their tags and the notes that are not deleted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-migrate-'));
    const raw = new Database(path.join(dir, 'old.db'));
    try {
      for (const migration of migrations.slice(0, 5)) raw.exec(migration);
      raw.prepare(`INSERT INTO sources (id, title, citekey, body, file_name, original, sha256, imported_at) VALUES (1, 'T', 'k', ?, 'a.txt', x'00', 'h', '2023-01-01')`).run(BODY);
      raw.exec(`
        INSERT INTO highlights (id, source_id, start, end, exact, prefix, suffix, comment, created_at, updated_at)
          VALUES (7, 1, 22, 27, 'Laçın', '', '', 'Xankəndi side', 'x', 'x');
        INSERT INTO tags (id, name, name_key) VALUES (1, 'Blockade', 'blockade');
        INSERT INTO highlight_tags VALUES (7, 1);
        INSERT INTO notes (id, title, editor_state, plain_text, created_at, updated_at, deleted_at) VALUES
          (1, 'Live note', '{}', 'Peacekeepers', 'x', 'x', NULL),
          (2, 'Deleted note', '{}', 'Peacekeepers', 'x', 'x', '2023-01-01');`);
      raw.exec(SEARCH_MORE_MIGRATION);
      const match = (table: string, query: string) => raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(query);
      expect(match('highlights_fts', '"lacin" AND "xankendi" AND {tags} : "blockade"')).toEqual([{ rowid: 7 }]);
      expect(match('notes_fts', '"peacekeepers"')).toEqual([{ rowid: 1 }]);
    } finally {
      raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
