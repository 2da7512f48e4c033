import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldSearchText, SEARCH_FOLDS_V1 } from '../../shared/search/fold';
import { migrations } from '../db/migrations';
import type { Db } from '../db/openDatabase';
import { deleteSource, updateSource } from '../sources';
import { SEARCH_MIGRATION } from './searchSchema';
import { addSource, openSearchTestLibrary } from './searchTestLibrary';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openSearchTestLibrary()));
afterEach(() => cleanup());

/** Ids whose index entry matches, straight from FTS5 (no search.ts in between). */
const ids = (match: string) => (db.prepare('SELECT rowid AS id FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((row) => row.id);

/** Every term the index holds, to prove deletes leave nothing behind. */
function indexedTerms(): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sources_vocab USING fts5vocab(main, 'sources_fts', 'row')");
  return (db.prepare('SELECT term FROM temp.sources_vocab ORDER BY term').all() as { term: string }[]).map((row) => row.term);
}

describe('the folded view', () => {
  it('folds exactly as foldSearchText does, so queries and index agree', () => {
    const sample = `${SEARCH_FOLDS_V1.map(([from]) => `x${from}y`).join(' ')} Laçın Xankəndi Ёлка Երևան`;
    const id = addSource(db, { title: sample, outlet: sample, author: sample, body: sample });
    const row = db.prepare('SELECT title, outlet, author, body FROM sources_search_text WHERE id = ?').get(id);
    const folded = foldSearchText(sample);
    expect(row).toEqual({ title: folded, outlet: folded, author: folded, body: folded });
  });
});

describe('triggers keep sources_fts in step with sources', () => {
  it('indexes an inserted source in every column', () => {
    const id = addSource(db, { title: 'Peace talks', outlet: 'AzerNews', author: 'Fatima Hasanova', body: 'The Laçın road.' });
    expect(ids('"lacin"')).toEqual([id]);
    expect(ids('{title} : "peace"')).toEqual([id]);
    expect(ids('{outlet} : "azernews"')).toEqual([id]);
    expect(ids('{author} : "hasanova"')).toEqual([id]);
  });

  it('reindexes an updated title and outlet, forgetting the old words', () => {
    const id = addSource(db, { title: 'Old headline', outlet: 'Report.az', body: 'Body text.' });
    updateSource(db, id, { title: 'New headline', outlet: 'Armenpress' });
    expect(ids('"old"')).toEqual([]);
    expect(ids('"report"')).toEqual([]);
    expect(ids('"new" AND "armenpress" AND "body"')).toEqual([id]);
    expect(indexedTerms()).toEqual(['armenpress', 'body', 'headline', 'new', 'text']);
  });

  it('reindexes a changed body', () => {
    const id = addSource(db, { title: 'T', body: 'Xankəndi before.' });
    db.prepare('UPDATE sources SET body = ? WHERE id = ?').run('Stepanakert after.', id);
    expect(ids('"xankendi"')).toEqual([]);
    expect(ids('"stepanakert"')).toEqual([id]);
  });

  it('leaves the index alone when an unindexed column changes', () => {
    const id = addSource(db, { title: 'Lachin', body: 'Corridor.' });
    updateSource(db, id, { citekey: 'renamed2023', url: 'https://example.org/a' });
    expect(ids('"lachin" AND "corridor"')).toEqual([id]);
  });

  it('removes a deleted source entirely', () => {
    const keep = addSource(db, { title: 'Kept', body: 'Shared words.' });
    const gone = addSource(db, { title: 'Gone', outlet: 'Ёлка', body: 'Shared Xankəndi words.' });
    deleteSource(db, gone);
    expect(ids('"shared"')).toEqual([keep]);
    expect(indexedTerms()).toEqual(['kept', 'shared', 'words']);
  });

  it('keeps an insert and its index entry in one transaction', () => {
    expect(() =>
      db.transaction(() => {
        addSource(db, { title: 'Rolled back', body: 'Vanishing.' });
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(ids('"vanishing"')).toEqual([]);
    expect(indexedTerms()).toEqual([]);
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

describe('SEARCH_MIGRATION on a library that already holds sources', () => {
  it('indexes the existing sources', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-migrate-'));
    const raw = new Database(path.join(dir, 'old.db'));
    try {
      raw.exec(migrations[0]!);
      raw
        .prepare(`INSERT INTO sources (title, citekey, body, file_name, original, sha256, imported_at) VALUES (?, ?, ?, 'a.txt', x'00', 'h', '2023-01-01')`)
        .run('Xankəndi', 'k', 'Body of the old article.');
      raw.exec(SEARCH_MIGRATION);
      expect(raw.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?').all('"xankendi" AND "article"')).toEqual([{ rowid: 1 }]);
    } finally {
      raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
