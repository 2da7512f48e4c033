import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../shared/search/parseQuery';
import type { Db } from '../db/db';
import { addSource, openTestLibrary } from '../../../tests/support/library';
import type { FieldColumns } from './buildMatch';
import { buildMatch, termToFts } from './buildMatch';
import { sourceKind } from './searchKinds';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openTestLibrary()));
afterEach(() => cleanup());

const match = (query: string, fields: FieldColumns = sourceKind.fields) => buildMatch(parseQuery(query), fields, db);
/** The column filters of the source kind, for readable expectations. */
const EXACT = '{title outlet author body} : ';
const ONE_COLUMN: FieldColumns = { text: ['body'], outlet: null, author: null, tag: null };

describe('buildMatch', () => {
  it('quotes every word, so FTS5 syntax in user text is only text', () => {
    expect(match('"lachin" "corridor"')).toBe(`${EXACT}"lachin" AND ${EXACT}"corridor"`);
    expect(match('"NEAR(a b) AND {body}:x ^start"')).toBe(`${EXACT}"NEAR(a b) AND {body}:x ^start"`);
    expect(match('NEAR(a', ONE_COLUMN)).toBe('{body} : "near a"');
  });

  it('doubles a quote inside a term (the parser never yields one; this is the second line of defence)', () => {
    expect(termToFts({ text: 'a" OR "b', phrase: true, prefix: false, field: null }, ONE_COLUMN, db)).toBe('{body} : "a"" OR ""b"');
    expect(match('say"s', ONE_COLUMN)).toBe('{body} : ("says"* OR "say")'); // an unclosed quote: plain words
  });

  it('folds what the index folds', () => {
    expect(match('"Xankəndi Ёлка"', ONE_COLUMN)).toBe('{body} : "Xankendi Елка"');
  });

  it('turns a key into every spelling the library has for it', () => {
    addSource(db, { title: 'Laçın, Лачин, Լաչին', body: 'Лачинского коридора. Nagorno-Karabakh.' });
    expect(match('Lachin', ONE_COLUMN)).toBe('{body} : ("lacin"* OR "laçin"* OR "лачин"* OR "լաչին"*)');
    // Each beginning once: a short prefix stays a short expression.
    expect(match('Лач*', ONE_COLUMN)).toBe('{body} : ("lac"* OR "laç"* OR "лач"* OR "լաչ"*)');
    // Every spelling of the words before the last, in the phrase.
    expect(match('Nagorno-Karabakh', ONE_COLUMN)).toBe('{body} : ("nagorno karabax"* OR "nagorno karabakh"*)');
  });

  it('looks an unquoted word up by its key, its stem as a prefix', () => {
    expect(match('peacekeepers', ONE_COLUMN)).toBe('{body} : "peacekeep"*');
    expect(match('Лачин', ONE_COLUMN)).toBe('{body} : "lacin"*');
    expect(match('Laçın', ONE_COLUMN)).toBe('{body} : ("lacin"* OR "lac")');
    // A stem too short to be a prefix: the word and its stem, whole.
    expect(match('the', ONE_COLUMN)).toBe('{body} : "the"');
    // The words of a hyphenated term stay a phrase; the last one takes the word forms.
    expect(match('Nagorno-Karabakh', ONE_COLUMN)).toBe('{body} : "nagorno karabax"*');
  });

  it('writes prefixes, phrases, OR groups and exclusions', () => {
    expect(match('"lachin corr"* blockad* peskov OR putin -russia -"un mission"', ONE_COLUMN)).toBe(
      '({body} : "lachin corr"* AND {body} : "blockad"* AND ({body} : "peskov"* OR {body} : "putin"*)) NOT ({body} : "russia"* OR {body} : "un mission")',
    );
  });

  it('restricts field filters to their columns', () => {
    expect(match('outlet:"urdu point" author:hasanova*')).toBe('{outlet} : "urdu point" AND {author} : "hasanova"*');
    expect(match('"x"', { text: ['exact'], outlet: null, author: null, tag: ['tags'] })).toBe('{exact} : "x"');
    expect(match('"x" tag:"ceasefire"', { text: ['exact'], outlet: null, author: null, tag: ['tags', 'comment'] })).toBe('{exact} : "x" AND {tags comment} : "ceasefire"');
  });

  it('returns null when a required field is absent from the kind', () => {
    expect(match('lachin tag:ceasefire')).toBeNull();
  });

  it('drops an absent field from an OR group and from exclusions', () => {
    expect(match('tag:ceasefire OR "lachin" -tag:old')).toBe(`${EXACT}"lachin"`);
  });

  it('drops terms with nothing indexable, which would otherwise match nothing', () => {
    expect(match('"lachin" & * - "..." ʼ')).toBe(`${EXACT}"lachin"`);
    expect(match('& -lachin')).toBeNull();
    expect(match('')).toBeNull();
  });

  it('replaces control characters, which could end an FTS5 string early', () => {
    expect(match('"lach\u0000in"')).toBe(`${EXACT}"lach in"`);
    expect(match('lach\u0000in', ONE_COLUMN)).toBe('{body} : "lac in"');
  });
});
