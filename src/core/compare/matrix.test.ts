import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { updateSource } from '../sources';
import { addToCollection } from './collections';
import { codeMatrix, coOccurrence } from './matrix';
import { setOutlet } from './outlets';
import { allPassages } from './passages';
import { addHighlight, importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
  updateSource(db, ids[2]!, { outlet: 'Asbarez', publishedAt: '2023-01-10' });
  setOutlet(db, 'Asbarez', { country: 'AM' });
  setOutlet(db, 'AzerNews', { country: 'AZ' });
  addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing/blockade-denial'] });
  addHighlight(db, ids[2]!, 'there is no blockade', { tags: ['framing/blockade-denial', 'actors/Aliyev'] });
  addHighlight(db, ids[2]!, 'illegal blockade', { tags: ['framing/illegal-blockade'] });
  addHighlight(db, ids[4]!, 'UN peacekeepers', { tags: ['framing/blockade-denial'] });
  addHighlight(db, ids[4]!, 'consent of both sides', { tags: ['framing/blockade-denial'] });
});
afterEach(() => cleanup());

describe('the code matrix', () => {
  it('counts passages and sources per code (children included) and outlet, with a "(no outlet)" column', () => {
    const matrix = codeMatrix(db, 'outlet');
    expect(matrix.columns).toEqual(['Asbarez', 'AzerNews', 'UrduPoint.com', '(no outlet)']);
    const row = (code: string) => matrix.rows.find((r) => r.code === code)!;
    expect(matrix.rows.map((r) => r.code)).toEqual(['actors', 'actors/Aliyev', 'framing', 'framing/blockade-denial', 'framing/illegal-blockade']);
    expect(row('framing/blockade-denial').passages).toEqual({ Asbarez: 1, AzerNews: 2, 'UrduPoint.com': 0, '(no outlet)': 1 });
    expect(row('framing/blockade-denial').sources).toEqual({ Asbarez: 1, AzerNews: 1, 'UrduPoint.com': 0, '(no outlet)': 1 });
    // A parent counts each passage once, however many of its children it carries.
    expect(row('framing').passages).toEqual({ Asbarez: 2, AzerNews: 2, 'UrduPoint.com': 0, '(no outlet)': 1 });
  });

  it('every cell counts exactly the passages that filtering Passages by its code and column lists', () => {
    addToCollection(db, 'Armenian press', [ids[0]!, ids[2]!]);
    addToCollection(db, 'Week of 12 December', [ids[2]!]);
    for (const by of ['outlet', 'country', 'collection'] as const) {
      const matrix = codeMatrix(db, by);
      for (const row of matrix.rows) {
        for (const column of matrix.columns) {
          const passages = allPassages(db, { code: row.code, [by]: column });
          expect(row.passages[column], `${row.code} × ${column}`).toBe(passages.length);
          expect(row.sources[column]).toBe(new Set(passages.map((p) => p.sourceId)).size);
        }
      }
    }
    expect(codeMatrix(db, 'country').columns).toEqual(['AM', 'AZ', '(no country)']);
    expect(codeMatrix(db, 'collection').columns).toEqual(['Armenian press', 'Week of 12 December', '(no collection)']);
  });

  it('counts code × code co-occurrence, the diagonal being a code’s own count', () => {
    const { counts } = coOccurrence(db);
    expect(counts['framing/blockade-denial']!['actors/Aliyev']).toBe(1);
    expect(counts['actors']!['framing']).toBe(1);
    expect(counts['framing/illegal-blockade']!['framing/blockade-denial']).toBe(0);
    expect(counts['framing']!['framing']).toBe(5);
  });
});
