import { describe, expect, it } from 'vitest';
import { affects, citedSourceIds } from './changes';
import { contract, operationNames } from './contract';

describe('changes', () => {
  it('match by kind, then by ids where both name some', () => {
    expect(affects({ kind: 'notes', ids: [1] }, { kind: 'notes' })).toBe(true);
    expect(affects({ kind: 'notes' }, { kind: 'notes', ids: [1] })).toBe(true);
    expect(affects({ kind: 'notes', ids: [1, 2] }, { kind: 'notes', ids: [2] })).toBe(true);
    expect(affects({ kind: 'notes', ids: [1] }, { kind: 'notes', ids: [2] })).toBe(false);
    expect(affects({ kind: 'notes', ids: [] }, { kind: 'notes', ids: [2] })).toBe(false);
    expect(affects({ kind: 'sources', ids: [1] }, { kind: 'notes', ids: [1] })).toBe(false);
    expect(affects({ kind: 'library' }, { kind: 'notes', ids: [1] })).toBe(true);
  });

  it('every mutation declares what it changes, every query nothing', () => {
    for (const name of operationNames) {
      const spec = contract[name];
      if (!spec.mutates) expect(spec.changes, name).toEqual([]);
      else expect(typeof spec.changes === 'function' || Array.isArray(spec.changes), name).toBe(true);
    }
  });

  it('reads the cited sources of a saved note state', () => {
    const state = JSON.stringify({ root: { children: [{ type: 'citation', sourceId: 12, highlightId: 3 }, { type: 'citation', sourceId: 4 }, { type: 'citation', sourceId: 12 }] } });
    expect(citedSourceIds(state)).toEqual([12, 4]);
    expect(citedSourceIds('{"root":{"children":[]}}')).toEqual([]);
  });
});
