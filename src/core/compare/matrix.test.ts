import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightColor } from '../../shared/domain/highlight';
import type { Db } from '../db/db';
import { updateSource } from '../sources';
import { addToCollection } from './collections';
import { codeMatrix, coOccurrence } from './matrix';
import { setOutlet } from './outlets';
import { allPassages } from './passages';
import { addHighlight, addSource, importSamples, openTestLibrary } from '../../../tests/support/library';

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

  it('counts every cell, and every pair of codes, as Sets of its passages would, on generated codings in any order and under filters', () => {
    // Passages are created out of their order in the text, several to a source and up to three
    // codes each (siblings, and a parent with its child), over outlets, countries and collections
    // that overlap: the counting relies on the order SQLite hands it the codings in.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = Array.from({ length: 40 }, (_, i) => `w${i}x`);
    const codes = ['a', 'a/b', 'a/c', 'a/c/d', 'e', 'e/f', 'g'];
    const colors: HighlightColor[] = ['yellow', 'red', 'green'];
    const outlets = ['Asbarez', 'AzerNews', 'TASS', null];
    const sources = Array.from({ length: 24 }, (_, i) =>
      addSource(db, { title: `Generated ${i}`, body: words.join(' '), outlet: outlets[i % outlets.length]!, publishedAt: `2023-01-${String(1 + random(28)).padStart(2, '0')}` }),
    );
    setOutlet(db, 'TASS', { country: 'RU' });
    for (let i = 0; i < 160; i++) {
      const source = sources[random(sources.length)]!;
      const tags = [...new Set(Array.from({ length: 1 + random(3) }, () => codes[random(codes.length)]!))];
      addHighlight(db, source, words[random(words.length)]!, { tags, color: colors[random(colors.length)]! });
    }
    addToCollection(db, 'One', sources.filter((_, i) => i % 2 === 0));
    addToCollection(db, 'Two', sources.filter((_, i) => i % 3 === 0));
    for (const filter of [{}, { color: 'red' as const }, { after: '2023-01-10' }, { code: 'a/c' }]) {
      const passages = allPassages(db, filter);
      const columnsOf = (by: 'outlet' | 'country' | 'collection', source: number) => {
        if (by === 'outlet') return [passages.find((p) => p.sourceId === source)!.outlet ?? '(no outlet)'];
        if (by === 'country') return [passages.find((p) => p.sourceId === source)!.country ?? '(no country)'];
        const names = db.prepare('SELECT c.name FROM collections c JOIN collection_sources cs ON cs.collection_id = c.id WHERE cs.source_id = ?').pluck().all(source) as string[];
        return names.length > 0 ? names : ['(no collection)'];
      };
      for (const by of ['outlet', 'country', 'collection'] as const) {
        const matrix = codeMatrix(db, by, filter);
        let cells = 0;
        for (const row of matrix.rows) {
          for (const column of matrix.columns) {
            const inCell = passages.filter((p) => p.codes.some((code) => code === row.code || code.startsWith(`${row.code}/`)) && columnsOf(by, p.sourceId).includes(column));
            expect(row.passages[column], `${JSON.stringify(filter)}: ${row.code} × ${column}`).toBe(inCell.length);
            expect(row.sources[column], `${JSON.stringify(filter)}: ${row.code} × ${column}, sources`).toBe(new Set(inCell.map((p) => p.sourceId)).size);
            cells += inCell.length;
          }
        }
        expect(cells, `${JSON.stringify(filter)} by ${by}`).toBeGreaterThan(0);
      }
      const carries = (codes: string[], code: string) => codes.some((each) => each === code || each.startsWith(`${code}/`));
      const { codes: names, counts } = coOccurrence(db, filter);
      for (const a of names) {
        for (const b of names) expect(counts[a]![b], `${JSON.stringify(filter)}: ${a} with ${b}`).toBe(passages.filter((p) => carries(p.codes, a) && carries(p.codes, b)).length);
      }
    }
  });

  it('counts code × code co-occurrence, the diagonal being a code’s own count', () => {
    const { counts } = coOccurrence(db);
    expect(counts['framing/blockade-denial']!['actors/Aliyev']).toBe(1);
    expect(counts['actors']!['framing']).toBe(1);
    expect(counts['framing/illegal-blockade']!['framing/blockade-denial']).toBe(0);
    expect(counts['framing']!['framing']).toBe(5);
  });
});
