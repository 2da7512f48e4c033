import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSource, openTestLibrary } from '../../../tests/support/library';
import { listLanguages } from '../sourceList/listSourcePage';
import { listOutlets } from '../sources';
import type { Db } from './db';
import { distinctValues } from './distinctValues';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  // Outlets in every case, accents, a name that is a prefix of another, repeated, and none at all.
  const outlets = ['azerNews', 'AzerNews', 'Asbarez', 'asbarez', 'Élysée', 'ТАСС', 'TASS', 'Tass', 'UrduPoint', 'UrduPoint.com', 'a', 'B', null, 'AzerNews', 'Asbarez'];
  const languages = ['hy', 'az', null, 'ru', 'az', 'ur', 'hy'];
  outlets.forEach((outlet, i) => addSource(db, { title: `Report ${i}`, outlet, language: languages[i % languages.length]! }));
});
afterEach(() => cleanup());

describe('distinct values read a seek at a time', () => {
  it('gives what SELECT DISTINCT gives, in the same order, NULL first when asked for', () => {
    expect(distinctValues(db, 'outlet')).toEqual(db.prepare('SELECT DISTINCT outlet FROM sources ORDER BY outlet').pluck().all());
    expect(distinctValues(db, 'outlet', { withNull: false })).toEqual(db.prepare('SELECT DISTINCT outlet FROM sources WHERE outlet IS NOT NULL ORDER BY outlet').pluck().all());
    expect(distinctValues(db, 'language')).toEqual([null, 'az', 'hy', 'ru', 'ur']);
  });

  it('lists the outlets as SQLite orders them without case (NOCASE), and the languages', () => {
    // Ties in NOCASE ("azerNews", "AzerNews") may come in either order in SQL: compared case-folded, the lists are the same.
    const fold = (names: string[]) => names.map((name) => name.replace(/[A-Z]/g, (letter) => letter.toLowerCase()));
    const outlets = listOutlets(db);
    expect(fold(outlets)).toEqual(fold(db.prepare('SELECT DISTINCT outlet FROM sources WHERE outlet IS NOT NULL ORDER BY outlet COLLATE NOCASE').pluck().all() as string[]));
    expect(new Set(outlets)).toEqual(new Set(db.prepare('SELECT DISTINCT outlet FROM sources WHERE outlet IS NOT NULL').pluck().all()));
    expect(outlets).toHaveLength(12);
    expect(listLanguages(db)).toEqual(['az', 'hy', 'ru', 'ur']);
  });

  it('finds nothing in an empty library', () => {
    db.prepare('DELETE FROM sources').run();
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
    expect(distinctValues(db, 'outlet')).toEqual([]);
    expect(listOutlets(db)).toEqual([]);
    expect(listLanguages(db)).toEqual([]);
  });
});
