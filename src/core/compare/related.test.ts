import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { updateSource } from '../sources';
import { RELATED_MIN_SCORE, relatedCoverage, relatedCoverageInSlices } from './related';
import { documentTerms } from './salientTerms';
import { importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
});
afterEach(() => cleanup());

describe('related coverage on the sample library', () => {
  it('finds the reports of the Pashinyan–Putin and Pashinyan–Guterres calls from each other', () => {
    const guterres = ids[1]!;
    const putin = ids[2]!;
    const fromGuterres = relatedCoverage(db, guterres);
    expect(fromGuterres[0]).toMatchObject({ sourceId: putin, outlet: null, publishedAt: null });
    expect(fromGuterres[0]!.shared).toEqual(expect.arrayContaining(['pashinyan']));
    const fromPutin = relatedCoverage(db, putin);
    expect(fromPutin.map((r) => r.sourceId)).toContain(guterres);
    for (const result of [...fromGuterres, ...fromPutin]) expect(result.score).toBeGreaterThanOrEqual(RELATED_MIN_SCORE);
    // Best first.
    expect(fromPutin.map((r) => r.score)).toEqual([...fromPutin.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('leaves out sources published more than a few days apart', () => {
    updateSource(db, ids[2]!, { publishedAt: '2023-01-10' });
    expect(relatedCoverage(db, ids[1]!).map((r) => r.sourceId)).not.toContain(ids[2]);
    updateSource(db, ids[2]!, { publishedAt: '2023-02-22' });
    expect(relatedCoverage(db, ids[1]!).map((r) => r.sourceId)).toContain(ids[2]);
  });

  it('in slices, as the app asks for it: the same list, with the thread given back between slices for the other requests', async () => {
    for (const id of ids) {
      const order: string[] = [];
      const sliced = relatedCoverageInSlices(db, id, { sliceMs: 0 }).then((list) => {
        order.push('related');
        return list;
      });
      // What another request (the article being opened) would run while it computes.
      setImmediate(() => order.push('other request'));
      expect(await sliced).toEqual(relatedCoverage(db, id));
      expect(order).toEqual(['other request', 'related']);
    }
    await expect(relatedCoverageInSlices(db, 999)).rejects.toThrow(/Source 999/);
  });

  it('says which source is unknown', () => {
    expect(() => relatedCoverage(db, 999)).toThrow(/Source 999/);
  });
});

describe('salient terms', () => {
  it('takes capitals inside a sentence as names, not those that start one', () => {
    const terms = documentTerms('The talks went on. Officials in Yerevan met Guterres. “Peace” was said.');
    expect([...terms.names].sort()).toEqual(['guterres', 'yerevan']);
    expect(terms.terms.has('officials')).toBe(true);
  });
});
