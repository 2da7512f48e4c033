import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../core/db/db';
import { createHighlight, updateHighlight } from '../core/highlights/highlights';
import { reanchorSource } from '../core/highlights/reanchorSource';
import { runHighlights } from './highlightsCommand';
import { addSource, openTestLibrary } from '../../tests/support/library';

const ARMENIAN = 'Լաչինի միջանցքը փակ է արդեն երեք շաբաթ։ Արցախի բնակիչները զրկված են սննդից։';
const RUSSIAN = 'Жители Нагорного Карабаха лишены продовольствия и лекарств.';

let db: Db;
let cleanup: () => void;
let out: string[];
let err: string[];
const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  out = [];
  err = [];
});
afterEach(() => cleanup());

describe('marginalia highlights', () => {
  it('prints the documented JSON, with exact being exactly the selected words', () => {
    const armenian = addSource(db, { body: ARMENIAN });
    const start = ARMENIAN.indexOf('միջանցքը փակ');
    const created = createHighlight(db, { sourceId: armenian, start, end: start + 'միջանցքը փակ'.length, color: 'green', comment: 'day 21', tags: ['blockade'] });
    expect(runHighlights(db, [String(armenian)], true, io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([
      {
        id: created.id,
        sourceId: armenian,
        exact: 'միջանցքը փակ',
        prefix: 'Լաչինի ',
        suffix: ' է արդեն երեք շաբաթ։ Արցախի բնակ',
        start,
        end: start + 12,
        color: 'green',
        comment: 'day 21',
        tags: ['blockade'],
        orphaned: false,
        translation: null,
      },
    ]);
    expect(err).toEqual([]);
  });

  it('lists every source’s highlights without SOURCE_ID, orphans flagged', () => {
    const armenian = addSource(db, { body: ARMENIAN });
    const russian = addSource(db, { body: RUSSIAN });
    createHighlight(db, { sourceId: russian, start: 0, end: 6 });
    createHighlight(db, { sourceId: armenian, start: 0, end: 6 });
    reanchorSource(db, russian, 'Совсем другой текст.');
    expect(runHighlights(db, [], true, io)).toBe(0);
    const listed = JSON.parse(out.join('\n')) as { sourceId: number; exact: string; orphaned: boolean }[];
    expect(listed.map((h) => [h.sourceId, h.exact, h.orphaned])).toEqual([
      [armenian, 'Լաչինի', false],
      [russian, 'Жители', true],
    ]);
  });

  it('prints a table for people', () => {
    const russian = addSource(db, { body: RUSSIAN });
    createHighlight(db, { sourceId: russian, start: 0, end: 6, tags: ['RU', 'people'] });
    expect(runHighlights(db, [String(russian)], false, io)).toBe(0);
    expect(out.join('\n')).toMatch(/^ID\s+SOURCE\s+AT\s+COLOR\s+TAGS\s+QUOTE\n\d+\s+\d+\s+0–6\s+yellow\s+people, RU\s+Жители$/);
    out = [];
    runHighlights(db, [], false, io);
    expect(out).toEqual([expect.stringContaining('Жители')]);
  });

  it('shows a translation with its language and origin, in the table and the JSON (issue 14)', () => {
    const russian = addSource(db, { body: RUSSIAN });
    const { id } = createHighlight(db, { sourceId: russian, start: 0, end: 6 });
    createHighlight(db, { sourceId: russian, start: 7, end: 16 });
    updateHighlight(db, id, { translation: { text: 'Residents', language: 'en', tool: 'DeepL' } });
    runHighlights(db, [String(russian)], false, io);
    const [header, first, second] = out.join('\n').split('\n');
    expect(header).toMatch(/QUOTE\s+TRANSLATION$/);
    expect(first).toMatch(/Жители\s+\[en, DeepL\] Residents$/);
    expect(second).toMatch(/Нагорного\s+—$/);
    out = [];
    runHighlights(db, [String(russian)], true, io);
    expect((JSON.parse(out.join('\n')) as { translation: unknown }[]).map((h) => h.translation)).toEqual([{ text: 'Residents', language: 'en', tool: 'DeepL' }, null]);
  });

  it('says when there is nothing, when the source is missing, and when the arguments are wrong', () => {
    const russian = addSource(db, { body: RUSSIAN });
    expect(runHighlights(db, [String(russian)], false, io)).toBe(0);
    expect(out).toEqual([`Source ${russian} has no highlights.`]);
    expect(runHighlights(db, ['999'], true, io)).toBe(1);
    expect(err.pop()).toContain('Source 999 was not found');
    expect(runHighlights(db, ['abc'], false, io)).toBe(2);
    expect(err.pop()).toContain('SOURCE_ID is a number');
    expect(runHighlights(db, ['1', '2'], false, io)).toBe(2);
  });
});
