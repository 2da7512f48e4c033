import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../shared/search/parseQuery';
import type { FieldColumns } from './buildMatch';
import { buildMatch, termToFts } from './buildMatch';
import { sourceKind } from './searchKinds';

const match = (query: string, fields: FieldColumns = sourceKind.fields) => buildMatch(parseQuery(query), fields);
/** The column filters of the source kind, for readable expectations. */
const EXACT = '{title outlet author body} : ';
const ONE_COLUMN: FieldColumns = { text: ['body'], outlet: null, author: null, tag: null };

describe('buildMatch', () => {
  it('quotes every word, so FTS5 syntax in user text is only text', () => {
    expect(match('"lachin" "corridor"')).toBe(`${EXACT}"lachin" AND ${EXACT}"corridor"`);
    expect(match('"NEAR(a b) AND {body}:x ^start"')).toBe(`${EXACT}"NEAR(a b) AND {body}:x ^start"`);
    expect(match('NEAR(a', ONE_COLUMN)).toBe('{body_key} : "near a"');
  });

  it('doubles a quote inside a term (the parser never yields one; this is the second line of defence)', () => {
    expect(termToFts({ text: 'a" OR "b', phrase: true, prefix: false, field: null }, ONE_COLUMN)).toBe('{body} : "a"" OR ""b"');
    expect(match('say"s', ONE_COLUMN)).toBe('{body_key} : ("says"* OR "say")'); // an unclosed quote: plain words
  });

  it('folds what the index folds', () => {
    expect(match('"Xankəndi Ёлка"', ONE_COLUMN)).toBe('{body} : "Xankendi Елка"');
  });

  it('looks an unquoted word up by its key, its stem as a prefix, in the key columns', () => {
    expect(match('peacekeepers', ONE_COLUMN)).toBe('{body_key} : "peacekeep"*');
    expect(match('Лачин', ONE_COLUMN)).toBe('{body_key} : "lacin"*');
    expect(match('Laçın', ONE_COLUMN)).toBe('{body_key} : ("lacin"* OR "lac")');
    // A stem too short to be a prefix: the word and its stem, whole.
    expect(match('the', ONE_COLUMN)).toBe('{body_key} : "the"');
    // The words of a hyphenated term stay a phrase; the last one takes the word forms.
    expect(match('Nagorno-Karabakh', ONE_COLUMN)).toBe('{body_key} : "nagorno karabax"*');
  });

  it('writes prefixes, phrases, OR groups and exclusions', () => {
    expect(match('"lachin corr"* blockad* peskov OR putin -russia -"un mission"', ONE_COLUMN)).toBe(
      '({body} : "lachin corr"* AND {body_key} : "blockad"* AND ({body_key} : "peskov"* OR {body_key} : "putin"*)) NOT ({body_key} : "russia"* OR {body} : "un mission")',
    );
  });

  it('restricts field filters to their columns', () => {
    expect(match('outlet:"urdu point" author:hasanova*')).toBe('{outlet} : "urdu point" AND {author_key} : "hasanova"*');
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
    expect(match('lach\u0000in', ONE_COLUMN)).toBe('{body_key} : "lac in"');
  });
});
