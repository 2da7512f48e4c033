import { describe, expect, it } from 'vitest';
import { reanchorSummary } from './reanchorSummary';

const report = (exact: number, moved: number, fuzzy: number, orphaned: number) => ({ exact, moved, fuzzy, orphaned, highlights: [] });

describe('reanchorSummary', () => {
  it('says what happened to the highlights, leaving out what did not happen', () => {
    expect(reanchorSummary(report(3, 1, 0, 1))).toBe('3 highlights kept, 1 moved, 1 orphaned.');
    expect(reanchorSummary(report(1, 0, 2, 0))).toBe('1 highlight kept, 2 adjusted to edited words.');
    expect(reanchorSummary(report(0, 0, 0, 2))).toBe('0 highlights kept, 2 orphaned.');
    expect(reanchorSummary(report(0, 0, 0, 0))).toBe('This source has no highlights.');
  });
});
