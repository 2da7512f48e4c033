import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../shared/api/search';
import { flatten, groupResults } from './groupResults';

const result = (type: SearchResult['type'], id: number): SearchResult => ({ type, id, sourceId: type === 'note' ? null : 1, title: `${type} ${id}`, snippet: '', segments: [] });

describe('groupResults', () => {
  it('groups by kind in the order Sources, Highlights, Notes, keeping the order within each kind', () => {
    const groups = groupResults([result('highlight', 4), result('note', 9), result('source', 2), result('highlight', 3), result('source', 1)]);
    expect(groups.map((group) => group.heading)).toEqual(['Sources', 'Highlights', 'Notes']);
    expect(flatten(groups).map((r) => `${r.type} ${r.id}`)).toEqual(['source 2', 'source 1', 'highlight 4', 'highlight 3', 'note 9']);
  });

  it('leaves out kinds without results', () => {
    expect(groupResults([result('note', 1)]).map((group) => group.heading)).toEqual(['Notes']);
    expect(groupResults([])).toEqual([]);
  });
});
