import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../../shared/domain/source';
import { matchSources } from './matchSources';

const source = (id: number, title: string, outlet: string | null, author: string | null = null): SourceSummary => ({
  id,
  title,
  outlet,
  author,
  publishedAt: null,
  url: null,
  language: null,
  citekey: `key${id}`,
  titleDerived: false,
});

const library = [
  source(1, 'Pashinyan, Guterres Agree To Continue Talks', 'UrduPoint.com'),
  source(2, 'The sending of UN peacekeepers', 'AzerNews', 'Fatima Hasanova'),
  source(3, 'Xankəndi residents protest', 'Report.az'),
  source(4, 'Лачинский коридор: блокада', 'ТАСС'),
  source(5, 'Talks on the UN mission', null),
];

const ids = (query: string) => matchSources(library, query).map((s) => s.id);

describe('matchSources', () => {
  it('finds sources by the beginnings of words of the title, outlet or author, ignoring case', () => {
    expect(ids('peacekeepers')).toEqual([2]);
    expect(ids('azernews')).toEqual([2]);
    expect(ids('hasanova')).toEqual([2]);
    expect(ids('UN')).toEqual([2, 5]);
    expect(ids('urdupoint.com')).toEqual([1]);
  });

  it('needs every word, in any order', () => {
    expect(ids('talks un')).toEqual([5]);
    expect(ids('talks guterres')).toEqual([1]);
  });

  it('folds letters as the library search does, in every script', () => {
    expect(ids('xankendi')).toEqual([3]);
    expect(ids('блокада')).toEqual([4]);
    expect(ids('тасс')).toEqual([4]);
  });

  it('puts titles that start with the query first, and lists everything for an empty query', () => {
    expect(ids('talks')).toEqual([5, 1]);
    expect(ids('')).toEqual([1, 2, 3, 4, 5]);
    expect(matchSources(library, '', 2)).toHaveLength(2);
  });
});
