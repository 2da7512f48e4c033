import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { listAllHighlights } from '../highlights/highlightRows';
import { autocode, undoAutocode, units } from './autocode';
import { allPassages } from './passages';
import { importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
});
afterEach(() => cleanup());

const body = (id: number) => db.prepare('SELECT body FROM sources WHERE id = ?').pluck().get(id) as string;

describe('coding by search', () => {
  it('codes every sentence that matches, each exactly a sentence of its source, and undoes the batch as one step', () => {
    const result = autocode(db, { query: '"illegal blockade"', code: 'framing/illegal-blockade' });
    expect(result.highlights.length).toBeGreaterThanOrEqual(2);
    for (const { sourceId, exact } of result.highlights) {
      expect(exact.toLowerCase()).toContain('illegal blockade');
      expect(body(sourceId)).toContain(exact);
      expect(exact).not.toMatch(/\n/);
    }
    expect(new Set(result.highlights.map((h) => h.sourceId))).toEqual(new Set([ids[1], ids[2]]));
    const coded = allPassages(db, { code: 'framing' });
    expect(coded.map((p) => p.id).sort()).toEqual(result.highlights.map((h) => h.highlightId).sort());
    expect(coded.every((p) => p.codes.includes('framing/illegal-blockade'))).toBe(true);

    // The same search again codes nothing twice.
    expect(autocode(db, { query: '"illegal blockade"', code: 'framing/illegal-blockade' })).toEqual({ highlights: [], skipped: result.highlights.length });

    undoAutocode(db, result.highlights.map((h) => h.highlightId));
    expect(listAllHighlights(db)).toEqual([]);
  });

  it('matches folded words as search does, and codes paragraphs on request', () => {
    const sentences = autocode(db, { query: 'peacekeepers Karabakh', code: 'un' });
    const paragraphs = autocode(db, { query: 'peacekeepers Karabakh', code: 'un-para', unit: 'paragraph' });
    expect(paragraphs.highlights.length).toBeGreaterThan(0);
    for (const { exact } of sentences.highlights) expect(exact).toMatch(/peacekeep/i);
    expect(paragraphs.highlights.some((p) => sentences.highlights.some((s) => p.exact.length > s.exact.length && p.exact.includes(s.exact)))).toBe(true);
  });

  it('refuses a query with nothing to search for', () => {
    expect(() => autocode(db, { query: 'tag:x', code: 'a' })).toThrow(/no words/);
  });

  it('splits a body into trimmed sentences inside paragraphs', () => {
    const text = 'Title line\n\nFirst one. Second one by the U.S. team!\nLast';
    expect(units(text, 'sentence').map(([s, e]) => text.slice(s, e))).toEqual(['Title line', 'First one.', 'Second one by the U.S. team!', 'Last']);
    expect(units(text, 'paragraph').map(([s, e]) => text.slice(s, e))).toEqual(['Title line', 'First one. Second one by the U.S. team!', 'Last']);
  });
});
