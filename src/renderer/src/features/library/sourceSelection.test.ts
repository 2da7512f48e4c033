import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_QUERY } from './libraryQuery';
import { ALL_SELECTED, isSelected, NO_SELECTION, selectedCount, toggled, toSourceSelection, withAdded } from './sourceSelection';

describe('row selection', () => {
  it('select all is the filter minus what was left out, never the ids', () => {
    const query = { ...DEFAULT_LIBRARY_QUERY, outlet: 'AzerNews' };
    const selection = toggled(toggled(ALL_SELECTED, 7), 9);
    expect(isSelected(selection, 7)).toBe(false);
    expect(isSelected(selection, 8)).toBe(true);
    expect(selectedCount(selection, 100_000)).toBe(99_998);
    expect(toSourceSelection(selection, query)).toEqual({ filter: { outlet: 'AzerNews', language: null, from: null, to: null, words: '', collection: null }, except: [7, 9] });
    expect(selectedCount(withAdded(selection, [7, 8]), 100_000)).toBe(99_999);
  });

  it('ids toggle and add', () => {
    const selection = withAdded(toggled(NO_SELECTION, 3), [4, 5, 3]);
    expect(selectedCount(selection, 10)).toBe(3);
    expect(toSourceSelection(toggled(selection, 4), DEFAULT_LIBRARY_QUERY)).toEqual({ ids: [3, 5] });
  });
});
