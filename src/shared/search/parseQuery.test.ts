import { describe, expect, it } from 'vitest';
import type { SearchTerm } from './parseQuery';
import { parseQuery, SEARCH_TYPES } from './parseQuery';

const word = (text: string, extra: Partial<SearchTerm> = {}): SearchTerm => ({ text, phrase: false, prefix: false, field: null, ...extra });

describe('parseQuery', () => {
  it('reads words as groups that must all match', () => {
    expect(parseQuery('  lachin   corridor ')).toEqual({
      groups: [[word('lachin')], [word('corridor')]],
      excluded: [],
      types: [...SEARCH_TYPES],
      after: null,
      before: null,
      warning: null,
    });
  });

  it('reads an empty query as nothing to search', () => {
    expect(parseQuery('   ')).toMatchObject({ groups: [], excluded: [], warning: null });
  });

  it('reads "exact phrases", keeping their inner spacing and punctuation', () => {
    expect(parseQuery('"Lachin Corridor" blockade').groups).toEqual([[word('Lachin Corridor', { phrase: true })], [word('blockade')]]);
    expect(parseQuery('"a OR b -c"').groups).toEqual([[word('a OR b -c', { phrase: true })]]);
  });

  it('reads prefix* on words and on phrases', () => {
    expect(parseQuery('blockad* "lachin corr"*').groups).toEqual([
      [word('blockad', { prefix: true })],
      [word('lachin corr', { phrase: true, prefix: true })],
    ]);
  });

  it('searches a one-letter prefix as a whole word, and says so', () => {
    const parsed = parseQuery('a* "lachin c"* -b* ok*');
    expect(parsed.groups).toEqual([[word('a')], [word('lachin c', { phrase: true })], [word('ok', { prefix: true })]]);
    expect(parsed.excluded).toEqual([word('b')]);
    expect(parsed.warning).toBe('A prefix needs at least 2 letters: a*, "lachin c"*, b* searched as whole words.');
    expect(parseQuery('ok* "lachin,"* ё* *')).toMatchObject({ warning: 'A prefix needs at least 2 letters: ё* searched as a whole word.' });
    expect(parseQuery('la* *').warning).toBeNull();
  });

  it('reads -excluded words, phrases and fields', () => {
    const parsed = parseQuery('blockade -russia -"united nations" -outlet:azernews');
    expect(parsed.groups).toEqual([[word('blockade')]]);
    expect(parsed.excluded).toEqual([word('russia'), word('united nations', { phrase: true }), word('azernews', { field: 'outlet' })]);
  });

  it('keeps a lone hyphen and inner hyphens as text', () => {
    expect(parseQuery('Nagorno-Karabakh - talks').groups).toEqual([[word('Nagorno-Karabakh')], [word('-')], [word('talks')]]);
  });

  it('reads OR as binding only its neighbours', () => {
    expect(parseQuery('blockade peskov OR putin OR "the kremlin"').groups).toEqual([
      [word('blockade')],
      [word('peskov'), word('putin'), word('the kremlin', { phrase: true })],
    ]);
    expect(parseQuery('outlet:azernews OR outlet:urdupoint').groups).toEqual([[word('azernews', { field: 'outlet' }), word('urdupoint', { field: 'outlet' })]]);
  });

  it('reads lowercase or, quoted "OR" and OR* as words', () => {
    expect(parseQuery('war or peace').groups).toHaveLength(3);
    expect(parseQuery('"OR" OR*').groups).toEqual([[word('OR', { phrase: true })], [word('OR', { prefix: true })]]);
  });

  it('reads outlet:, author: and tag: filters, with phrases and any case of the name', () => {
    expect(parseQuery('Outlet:"Armenian Weekly" author:hasanova tag:ceasefire*').groups).toEqual([
      [word('Armenian Weekly', { field: 'outlet', phrase: true })],
      [word('hasanova', { field: 'author' })],
      [word('ceasefire', { field: 'tag', prefix: true })],
    ]);
  });

  it('reads type: filters, repeated ones adding kinds and excluded ones removing them', () => {
    expect(parseQuery('x type:source').types).toEqual(['source']);
    expect(parseQuery('x type:notes type:highlight').types).toEqual(['highlight', 'note']);
    expect(parseQuery('x -type:note').types).toEqual(['source', 'highlight']);
  });

  it('reads after: and before:, keeping the narrowest bounds', () => {
    expect(parseQuery('x after:2023-01-01 before:2023-02-01')).toMatchObject({ after: '2023-01-01', before: '2023-02-01', warning: null });
    expect(parseQuery('x after:2022-12-01 after:2023-01-05 before:2023-03-01 before:2023-02-01')).toMatchObject({ after: '2023-01-05', before: '2023-02-01' });
  });

  it('treats an unknown name: as part of a word', () => {
    expect(parseQuery('10:30 title:foo').groups).toEqual([[word('10:30')], [word('title:foo')]]);
  });

  it('accepts filters alone; search.ts then asks for a word', () => {
    expect(parseQuery('type:source after:2023-01-01')).toMatchObject({ groups: [], types: ['source'], after: '2023-01-01', warning: null });
  });

  describe('falls back to plain words, saying why, when malformed', () => {
    const cases: [query: string, words: string[], reason: RegExp][] = [
      ['"lachin corridor', ['lachin', 'corridor'], /quote .* never closed/],
      ['lachin "corridor" "blockade', ['lachin', 'corridor', 'blockade'], /never closed/],
      ['OR lachin', ['lachin'], /OR needs a word on each side/],
      ['lachin OR', ['lachin'], /OR needs a word/],
      ['lachin OR OR corridor', ['lachin', 'corridor'], /OR needs a word/],
      ['lachin OR -corridor', ['lachin', 'corridor'], /OR needs a word/],
      ['type:source OR lachin', ['type:source', 'lachin'], /OR needs a word/],
      ['-lachin -corridor', ['lachin', 'corridor'], /at least one word/],
      ['lachin type:video', ['lachin', 'type:video'], /type:video is not a kind/],
      ['lachin after:2023-02-30', ['lachin', 'after:2023-02-30'], /after:2023-02-30 is not a date filter/],
      ['lachin before:yesterday', ['lachin', 'before:yesterday'], /before:yesterday is not a date/],
      ['lachin -after:2023-01-01', ['lachin', 'after:2023-01-01'], /not a date filter/],
      ['lachin outlet:', ['lachin', 'outlet:'], /outlet: needs a value/],
      ['lachin tag:""', ['lachin', 'tag:'], /tag: needs a value/],
    ];
    it.each(cases)('%s', (query, words, reason) => {
      const parsed = parseQuery(query);
      expect(parsed.groups).toEqual(words.map((text) => [word(text)]));
      expect(parsed).toMatchObject({ excluded: [], types: [...SEARCH_TYPES], after: null, before: null });
      expect(parsed.warning).toMatch(reason);
      expect(parsed.warning).toContain(`Searched for the plain words: ${words.join(' ')}.`);
    });

    it('says so when nothing is left', () => {
      expect(parseQuery('"').warning).toMatch(/nothing else to search for/);
    });
  });

  it('never throws, whatever it is given', () => {
    const nasty = ['"', '""', '*', '-', '- -', 'OR', '-"', '"*', 'a"b', '\u0000', ')(', '{body}:x', 'NEAR(a b)', "'; DROP TABLE sources; --", '\\"', 'a:b:c', 'type:', ':'];
    for (const query of nasty) expect(() => parseQuery(query)).not.toThrow();
  });
});
