import { describe, expect, it } from 'vitest';
import { planBatches } from './importBatches';

const files = (...sizes: number[]) => sizes.map((size, index) => ({ name: `f${index}`, size }));

describe('planBatches', () => {
  it('keeps every file, in order, once', () => {
    const input = files(5, 1, 9, 3, 3, 7);
    const batches = planBatches(input, 10, 100);
    expect(batches.flat()).toEqual(input);
    expect(batches.map((batch) => batch.map((file) => file.size))).toEqual([[5, 1], [9], [3, 3], [7]]);
  });

  it('sends a file over the byte limit alone rather than dropping it', () => {
    expect(planBatches(files(2, 50, 2), 10, 100).map((batch) => batch.length)).toEqual([1, 1, 1]);
  });

  it('caps the number of files a request', () => {
    expect(planBatches(files(...Array<number>(250).fill(1)), 1000, 100).map((batch) => batch.length)).toEqual([100, 100, 50]);
  });

  it('plans nothing for no files', () => {
    expect(planBatches([])).toEqual([]);
  });
});
