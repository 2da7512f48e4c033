import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldSearchText, SEARCH_FOLD, SEARCH_FOLDS_V1 } from '../../shared/search/fold';
import { editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import type { Db } from '../db/db';
import { openDatabase } from '../db/openDatabase';
import { createHighlight, deleteHighlight, restoreHighlight, updateHighlight } from '../highlights/highlights';
import { reanchorSource } from '../highlights/reanchorSource';
import { addHighlightTag, removeHighlightTag } from '../highlights/tags';
import { createNote, deleteNote, purgeDeletedNotes, renameNote, restoreNote, saveNote } from '../notes/notes';
import { deleteSource, updateSource } from '../sources';
import { importFiles } from '../import/importFiles';
import { searchLibrary } from './search';
import { indexedFoldVersion, rebuildSearchIndex } from './searchIndex';
import { foldSourceText } from './sourceFold';
import type { StoreItem } from '../import/storeBatch';
import { storeBatch } from '../import/storeBatch';
import { addSource, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => ({ db, file, cleanup } = openTestLibrary()));
afterEach(() => cleanup());

type Table = 'sources_fts' | 'highlights_fts' | 'notes_fts';

const BODY = 'Convoys waited at the Laçın checkpoint near Xankəndi. Peacekeepers stood by the road.';
const range = (words: string) => ({ start: BODY.indexOf(words), end: BODY.indexOf(words) + words.length });

/** Ids whose index entry matches, straight from FTS5 (no search.ts in between). */
const ids = (table: Table, match: string) =>
  (db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(match) as { id: number }[]).map((row) => row.id);

/** Every term an index holds, to prove that changes leave nothing stale behind. */
function terms(table: Table): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_vocab USING fts5vocab(main, '${table}', 'instance')`);
  return db.prepare(`SELECT DISTINCT term FROM temp.${table}_vocab ORDER BY term`).pluck().all() as string[];
}

/** The words recorded with a key other than their spelling (migration 14), as `word=key`. */
const keyTerms = () => db.prepare("SELECT term || '=' || key FROM search_key_terms ORDER BY term").pluck().all() as string[];

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

describe('sources_fts follows sources', () => {
  it('indexes an inserted source in every column', () => {
    const id = addSource(db, { title: 'Peace talks', outlet: 'AzerNews', author: 'Fatima Hasanova', body: 'The Laçın road.' });
    expect(ids('sources_fts', '"lacin"')).toEqual([id]);
    expect(ids('sources_fts', '{title} : "peace"')).toEqual([id]);
    expect(ids('sources_fts', '{outlet} : "azernews"')).toEqual([id]);
    expect(ids('sources_fts', '{author} : "hasanova"')).toEqual([id]);
  });

  it('reindexes an updated title and outlet, forgetting the old words', () => {
    const id = addSource(db, { title: 'Old headline', outlet: 'Report.az', body: 'Body text.' });
    updateSource(db, id, { title: 'New headline', outlet: 'Armenpress' });
    expect(ids('sources_fts', '"old"')).toEqual([]);
    expect(ids('sources_fts', '"report"')).toEqual([]);
    expect(ids('sources_fts', '"new" AND "armenpress" AND "body"')).toEqual([id]);
    expect(terms('sources_fts')).toEqual(['armenpress', 'body', 'headline', 'new', 'text']);
    // Every word is its own key: nothing to record.
    expect(keyTerms()).toEqual([]);
  });

  it('records each word whose key is not its spelling, once, and forgets the folded words on a change', () => {
    const id = addSource(db, { title: 'Лачинский коридор', outlet: 'Արմենպրես', body: 'Xankəndi. Лачинский.' });
    expect(terms('sources_fts')).toEqual(['xankendi', 'коридор', 'лачинский', 'արմենպրես']);
    expect(keyTerms()).toEqual(['коридор=koridor', 'лачинский=lacinski', 'արմենպրես=armenpres']);
    expect(searchLibrary(db, 'Lachinsky').results.map((result) => result.id)).toEqual([id]);
    updateSource(db, id, { title: 'Другой', outlet: null });
    expect(terms('sources_fts')).toEqual(['xankendi', 'другой', 'лачинский']);
    expect(keyTerms()).toContain('другой=drugoy');
    expect(() => db.exec("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
  });

  it('records a word again after the transaction that recorded it rolled back', () => {
    expect(() =>
      db.transaction(() => {
        addSource(db, { title: 'Степанакерт', body: 'Text.' });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(keyTerms()).toEqual([]);
    const id = addSource(db, { title: 'Степанакерт', body: 'Text.' });
    expect(keyTerms()).toEqual(['степанакерт=stepanakert']);
    expect(searchLibrary(db, 'Stepanakert').results.map((result) => result.id)).toEqual([id]);
  });

  it('records a word again when, after its rollback, another connection to the library wrote key terms', () => {
    // The store worker writes imports on a connection of its own beside the app's.
    const other = openDatabase(file);
    try {
      expect(() =>
        db.transaction(() => {
          addSource(db, { title: 'Степанакерт', body: 'Text.' });
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      addSource(other, { title: 'Ханкенди', body: 'Text.' });
      const id = addSource(db, { title: 'Степанакерт', body: 'Text.' });
      expect(keyTerms()).toEqual(['степанакерт=stepanakert', 'ханкенди=xankendi']);
      expect(searchLibrary(db, 'Stepanakert').results.map((result) => result.id)).toEqual([id]);
    } finally {
      other.close();
    }
  });

  it('reindexes a changed body', () => {
    const id = addSource(db, { title: 'T', body: 'Xankəndi before.' });
    reanchorSource(db, id, 'Stepanakert after.');
    expect(ids('sources_fts', '"xankendi"')).toEqual([]);
    expect(ids('sources_fts', '"stepanakert"')).toEqual([id]);
  });

  it('leaves the index alone when an unindexed column changes', () => {
    const id = addSource(db, { title: 'Lachin', body: 'Corridor.' });
    updateSource(db, id, { citekey: 'renamed2023', url: 'https://example.org/a' });
    expect(ids('sources_fts', '"lachin" AND "corridor"')).toEqual([id]);
  });

  it('removes a deleted source entirely', () => {
    const keep = addSource(db, { title: 'Kept', body: 'Shared words.' });
    const gone = addSource(db, { title: 'Gone', outlet: 'Ёлка', body: 'Shared Xankəndi words.' });
    deleteSource(db, gone);
    expect(ids('sources_fts', '"shared"')).toEqual([keep]);
    expect(terms('sources_fts')).toEqual(['kept', 'shared', 'words']);
  });

  it('keeps an insert and its index entry in one transaction', () => {
    expect(() =>
      db.transaction(() => {
        addSource(db, { title: 'Rolled back', body: 'Vanishing.' });
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(ids('sources_fts', '"vanishing"')).toEqual([]);
    expect(terms('sources_fts')).toEqual([]);
  });

  it('passes the FTS5 integrity check after inserts, updates and deletes', () => {
    const a = addSource(db, { title: 'A', body: 'Laçın one' });
    const b = addSource(db, { title: 'B', body: 'Ёлка two' });
    updateSource(db, a, { title: 'A2' });
    deleteSource(db, b);
    expect(() => db.exec("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});


describe('one fold for the index and the query', () => {
  it('finds every folded letter by the query’s fold of it, in every column', () => {
    const words = SEARCH_FOLDS_V1.map(([from]) => `x${from}y`);
    const id = addSource(db, { title: words.join(' '), outlet: words.join(' '), author: words.join(' '), body: words.join(' ') });
    for (const word of words) {
      for (const column of ['title', 'outlet', 'author', 'body']) expect(ids('sources_fts', `{${column}} : "${foldSearchText(word)}"`)).toEqual([id]);
    }
    expect(ids('sources_fts', '"xəy"')).toEqual([]);
  });

  it('keeps no folding in the schema: no replace() in any view or trigger, and no trigger writing an index', () => {
    const schema = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger')").all() as { name: string; sql: string }[];
    expect(schema.filter((row) => /replace\s*\(/i.test(row.sql))).toEqual([]);
    const triggers = schema.filter((row) => row.sql.startsWith('CREATE TRIGGER'));
    // Triggers keep the timeline's counts (timeline_passages, migration 18) and the original's bytes; none writes a search index.
    expect(triggers.filter((row) => /_fts\b|_search_text\b|search_key_terms|search_index/i.test(row.sql)).map((row) => row.name)).toEqual([]);
    expect(triggers.map((row) => row.name).filter((name) => !name.startsWith('timeline_passages_'))).toEqual(['sources_original_follows_body']);
  });
});

describe('the fold version recorded in the library', () => {
  it('is the current fold’s once the library is open', () => {
    expect(indexedFoldVersion(db)).toBe(SEARCH_FOLD.version);
  });

  it('makes the next open rebuild every index when it differs (a new fold, or writes from another tool)', () => {
    const sourceId = addSource(db, { title: 'Xankəndi talks', body: BODY });
    createHighlight(db, { sourceId, ...range('Laçın checkpoint'), tags: ['Blockade'] });
    const note = createNote(db, { title: 'Ёлка' });
    // Another program renames a tag behind our back and the recorded version is an older fold's.
    db.prepare("UPDATE tags SET name = 'Armistice', name_key = 'armistice'").run();
    db.prepare('UPDATE search_index SET fold_version = 0').run();
    db.close();
    db = openDatabase(file);
    expect(indexedFoldVersion(db)).toBe(SEARCH_FOLD.version);
    expect(ids('sources_fts', '"xankendi" AND "convoys"')).toEqual([sourceId]);
    expect(ids('highlights_fts', '{tags} : "armistice" AND "lacin"')).toHaveLength(1);
    expect(ids('highlights_fts', '"blockade"')).toEqual([]);
    expect(ids('notes_fts', '"елка"')).toEqual([note.id]);
    for (const table of ['sources_fts', 'highlights_fts', 'notes_fts']) {
      expect(() => db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 0)`)).not.toThrow();
    }
  });

  it('rebuilds to the same index the writer keeps, and snippets still show the words as written', () => {
    const sourceId = addSource(db, { title: 'Talks', body: BODY });
    createHighlight(db, { sourceId, ...range('Laçın checkpoint'), tags: ['Blockade'] });
    const before = { sources: terms('sources_fts'), highlights: terms('highlights_fts') };
    rebuildSearchIndex(db);
    expect({ sources: terms('sources_fts'), highlights: terms('highlights_fts') }).toEqual(before);
    const [result] = searchLibrary(db, 'lacin type:source').results;
    expect(result?.snippet).toContain('Laçın');
    expect(result?.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['Laçın']);
  });
});

describe('the importer', () => {
  it('indexes every file of a batch once, after the batch’s last savepoint, and a duplicate not at all', async () => {
    const file = (name: string, words: string) => ({ name, bytes: Buffer.from(`---\ntitle: ${name}\n---\n${words}\n`) });
    const results = await importFiles(db, [file('a.md', 'Xankəndi convoy'), file('b.md', 'Laçın road'), file('a-again.md', 'Xankəndi convoy'), file('c.md', 'Ёлка')], { batchSize: 10 });
    expect(results.map((result) => result.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    const again = await importFiles(db, [file('a.md', 'Xankəndi convoy')]);
    expect(again[0]?.status).toBe('duplicate');
    expect(ids('sources_fts', '"xankendi"')).toEqual([results[0]!.sourceId, results[2]!.sourceId]);
    expect(ids('sources_fts', '"lacin"')).toEqual([results[1]!.sourceId]);
    expect(ids('sources_fts', '"елка"')).toEqual([results[3]!.sourceId]);
    expect(() => db.exec("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
  });

  describe('with texts folded where they were parsed (the parse worker)', () => {
    const parsedText = (body: string, title = 'Report') => ({ title, titleDerived: false, outlet: null, author: null, publishedAt: null, url: null, language: 'en', body, pages: null });
    /** A file as the parse worker hands it over: folded (and its key terms numbered) in this thread's dictionary. */
    const folded = (name: string, body: string, sha256 = name): StoreItem => {
      const parsed = parsedText(body);
      return { name, parsed: { ...parsed, searchText: foldSourceText(parsed) }, original: Buffer.from(body), sha256 };
    };
    const TEXTS = ['Лачинский коридор и Степанакерт.', 'Xankəndi, Laçın yolu; Şuşa.', 'Արմենպրես, Ստեփանակերտ։ Лачинский коридор снова.', 'Dzhabrayil and Jabrayil, Ağdam. Xankəndi again.'];

    it('records the same key terms as texts folded here', () => {
      storeBatch(db, TEXTS.map((body, i) => folded(`f${i}.md`, body)));
      const numbered = keyTerms();
      const other = openTestLibrary();
      try {
        TEXTS.forEach((body) => addSource(other.db, { body, title: 'Report' }));
        expect(numbered).toEqual(other.db.prepare("SELECT term || '=' || key FROM search_key_terms ORDER BY term").pluck().all());
        expect(numbered).toContain('степанакерт=stepanakert');
      } finally {
        other.cleanup();
      }
    });

    it('folds the text again when the row it stores is not what was folded (an outlet set after parsing)', () => {
      const item = folded('set-later.md', 'Convoys at the checkpoint.');
      const [result] = storeBatch(db, [{ ...item, parsed: { ...item.parsed, outlet: 'Азертадж' } }]);
      expect(ids('sources_fts', '{outlet} : "азертадж"')).toEqual([result!.sourceId]);
      expect(keyTerms()).toContain('азертадж=azertaj');
      expect(() => db.exec("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
    });

    it('records the terms a later text only numbers when the text that spelled them out was a duplicate', () => {
      storeBatch(db, [folded('first.md', 'Text.', 'same-bytes')]);
      // Folded in order: the duplicate spells Степанакерт out, the next file only numbers it.
      const duplicate = folded('again.md', 'Степанакерт.', 'same-bytes');
      const next = folded('next.md', 'Степанакерт road.');
      expect(next.parsed.searchText!.newKeyTerms).toBe('');
      expect(storeBatch(db, [duplicate, next]).map((result) => result.status)).toEqual(['duplicate', 'imported']);
      expect(keyTerms()).toEqual(['степанакерт=stepanakert']);
    });

    it('records numbered terms again after the transaction that recorded them rolled back, and terms it never learned from the text itself', () => {
      const first = folded('one.md', 'Ханкенди.');
      expect(() =>
        db.transaction(() => {
          storeBatch(db, [first]);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      expect(keyTerms()).toEqual([]);
      storeBatch(db, [folded('two.md', 'Ханкенди two.')]);
      expect(keyTerms()).toEqual(['ханкенди=xankendi']);
      // Numbers from a dictionary never learned (its texts were never handed over): read from the text.
      const stranger = folded('three.md', 'Гадрут.');
      const unknown = { ...stranger, parsed: { ...stranger.parsed, searchText: { ...stranger.parsed.searchText!, dictionary: 'never-learned', newKeyTerms: '' } } };
      storeBatch(db, [unknown]);
      expect(keyTerms()).toEqual(['гадрут=gadrut', 'ханкенди=xankendi']);
      expect(() => db.exec("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow();
    });
  });
});

