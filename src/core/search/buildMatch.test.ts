import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../shared/search/parseQuery';
import type { FieldColumns } from './buildMatch';
import { buildMatch, termToFts } from './buildMatch';
import { sourceKind } from './searchKinds';

const match = (query: string, fields: FieldColumns = sourceKind.fields) => buildMatch(parseQuery(query), fields);

describe('buildMatch', () => {
  it('quotes every word, so FTS5 syntax in user text is only text', () => {
    expect(match('lachin corridor')).toBe('"lachin" AND "corridor"');
    expect(match('NEAR(a b) AND {body}:x ^start')).toBe('"NEAR(a" AND "b)" AND "AND" AND "{body}:x" AND "^start"');
  });

  it('doubles a quote inside a term (the parser never yields one; this is the second line of defence)', () => {
    expect(termToFts({ text: 'a" OR "b', phrase: false, prefix: false, field: null }, sourceKind.fields)).toBe('"a"" OR ""b"');
    expect(match('say"s')).toBe('"says"'); // an unclosed quote: plain words
  });

  it('folds what the index folds', () => {
    expect(match('Xankəndi Ёлка')).toBe('"Xankendi" AND "Елка"');
  });

  it('writes prefixes, phrases, OR groups and exclusions', () => {
    expect(match('"lachin corr"* blockad* peskov OR putin -russia -"un mission"')).toBe(
      '("lachin corr"* AND "blockad"* AND ("peskov" OR "putin")) NOT ("russia" OR "un mission")',
    );
  });

  it('restricts field filters to their columns', () => {
    expect(match('outlet:"urdu point" author:hasanova*')).toBe('{outlet} : "urdu point" AND {author} : "hasanova"*');
    expect(match('x', { outlet: null, author: null, tag: ['tags'] })).toBe('"x"');
    expect(match('x tag:ceasefire', { outlet: null, author: null, tag: ['tags', 'comment'] })).toBe('"x" AND {tags comment} : "ceasefire"');
  });

  it('returns null when a required field is absent from the kind', () => {
    expect(match('lachin tag:ceasefire')).toBeNull();
  });

  it('drops an absent field from an OR group and from exclusions', () => {
    expect(match('tag:ceasefire OR lachin -tag:old')).toBe('"lachin"');
  });

  it('drops terms with nothing indexable, which would otherwise match nothing', () => {
    expect(match('lachin & * - "..." ʼ')).toBe('"lachin"');
    expect(match('& -lachin')).toBeNull();
    expect(match('')).toBeNull();
  });

  it('replaces control characters, which could end an FTS5 string early', () => {
    expect(match('lach\u0000in')).toBe('"lach in"');
  });
});
