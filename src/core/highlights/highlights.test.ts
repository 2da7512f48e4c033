import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import type { Db } from '../db/db';
import { deleteSource } from '../sources';
import { getHighlight, listHighlights } from './highlightRows';
import { createHighlight, deleteHighlight, reattachHighlight, restoreHighlight, updateHighlight } from './highlights';
import { reanchorSource } from './reanchorSource';
import { listTags } from './tags';
import { addSource, openTestLibrary } from '../../../tests/support/library';

const BODY = [
  'Լաչինի միջանցքը փակ է արդեն երեք շաբաթ։',
  'Жители Нагорного Карабаха лишены продовольствия и лекарств.',
  'Fəallar qanunsuz istismara son qoyulmasını tələb edirlər.',
  'The Security Council called on Azerbaijan to end the blockade.',
].join('\n\n');

let db: Db;
let cleanup: () => void;
let sourceId: number;
beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  sourceId = addSource(db, { body: BODY });
});
afterEach(() => cleanup());

const at = (phrase: string) => ({ start: BODY.indexOf(phrase), end: BODY.indexOf(phrase) + phrase.length });

function apiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('createHighlight', () => {
  it('stores exactly the selected words with their context, yellow by default', () => {
    const highlight = createHighlight(db, { sourceId, ...at('փակ է արդեն') });
    expect(highlight).toMatchObject({ sourceId, exact: 'փակ է արդեն', prefix: 'Լաչինի միջանցքը ', color: 'yellow', comment: '', tags: [], orphaned: false });
    expect(highlight.suffix).toBe(BODY.slice(highlight.end, highlight.end + 32));
    expect(getHighlight(db, highlight.id)).toEqual(highlight);
  });

  it('highlights across paragraphs, with colour, comment and tags', () => {
    const range = { start: at('лекарств.').start, end: at('Fəallar qanunsuz').end };
    const highlight = createHighlight(db, { sourceId, ...range, color: 'purple', comment: 'Two outlets, one claim', tags: ['blockade', 'Blockade', 'humanitarian'] });
    expect(highlight.exact).toBe('лекарств.\n\nFəallar qanunsuz');
    expect(highlight).toMatchObject({ color: 'purple', comment: 'Two outlets, one claim', tags: ['blockade', 'humanitarian'] });
  });

  it('refuses an empty, out-of-range or blank selection and an unknown source, writing nothing', () => {
    expect(apiError(() => createHighlight(db, { sourceId, start: 4, end: 4 })).message).toMatch(/source \d+: The range 4–4 is empty/);
    expect(apiError(() => createHighlight(db, { sourceId, start: 0, end: BODY.length + 1 })).code).toBe('invalid_request');
    expect(apiError(() => createHighlight(db, { sourceId, start: BODY.indexOf('\n\n'), end: BODY.indexOf('\n\n') + 2 })).message).toContain('white space');
    expect(apiError(() => createHighlight(db, { sourceId: 999, start: 0, end: 3 })).code).toBe('not_found');
    expect(listHighlights(db, sourceId)).toEqual([]);
  });
});

describe('listHighlights', () => {
  it('lists in document order, overlapping and adjacent ones included, orphans last', () => {
    const late = createHighlight(db, { sourceId, ...at('end the blockade') });
    const early = createHighlight(db, { sourceId, ...at('Լաչինի միջանցքը') });
    const overlapping = createHighlight(db, { sourceId, ...at('միջանցքը փակ') });
    const adjacent = createHighlight(db, { sourceId, start: at('միջանցքը փակ').end, end: at('միջանցքը փակ').end + 3 });
    const doomed = createHighlight(db, { sourceId, ...at('лишены продовольствия') });
    reanchorSource(db, sourceId, BODY.replace('Жители Нагорного Карабаха лишены продовольствия и лекарств.', 'Жители получают гуманитарную помощь.'));
    const listed = listHighlights(db, sourceId);
    expect(listed.map((h) => h.id)).toEqual([early.id, overlapping.id, adjacent.id, late.id, doomed.id]);
    expect(listed.map((h) => h.orphaned)).toEqual([false, false, false, false, true]);
  });

  it('says which source is missing', () => {
    expect(apiError(() => listHighlights(db, 4242)).message).toContain('Source 4242 was not found');
  });
});

describe('updateHighlight', () => {
  it('changes colour and comment, and only touches updatedAt when something changed', async () => {
    const highlight = createHighlight(db, { sourceId, ...at('Security Council') });
    expect(updateHighlight(db, highlight.id, {})).toEqual(highlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = updateHighlight(db, highlight.id, { color: 'green', comment: 'UNSC, 22 Dec' });
    expect(updated).toMatchObject({ color: 'green', comment: 'UNSC, 22 Dec', exact: 'Security Council' });
    expect(updated.updatedAt > highlight.updatedAt).toBe(true);
    expect(updateHighlight(db, highlight.id, { comment: '' }).comment).toBe('');
  });

  it('refuses a colour outside the five at the database too', () => {
    const highlight = createHighlight(db, { sourceId, ...at('Security Council') });
    expect(() => db.prepare("UPDATE highlights SET color = 'orange' WHERE id = ?").run(highlight.id)).toThrow(/CHECK/);
  });
});

describe('delete and restore (undo)', () => {
  it('re-creates the highlight identically: same id, colour, comment, tags and dates', () => {
    const highlight = createHighlight(db, { sourceId, ...at('qanunsuz istismara'), color: 'red', comment: 'AZ framing', tags: ['ecology'] });
    const deleted = deleteHighlight(db, highlight.id);
    expect(deleted).toEqual(highlight);
    expect(listHighlights(db, sourceId)).toEqual([]);
    expect(listTags(db)).toEqual([]);
    expect(restoreHighlight(db, deleted)).toEqual(highlight);
    expect(listTags(db)).toEqual([{ name: 'ecology', count: 1 }]);
  });

  it('never gives a deleted highlight’s id to a new one, so citations cannot point at other words', () => {
    const first = createHighlight(db, { sourceId, ...at('Security Council') });
    deleteHighlight(db, first.id);
    const second = createHighlight(db, { sourceId, ...at('end the blockade') });
    expect(second.id).toBeGreaterThan(first.id);
    expect(restoreHighlight(db, first).id).toBe(first.id);
  });

  it('refuses to restore twice, and re-anchors when the text was corrected in between', () => {
    const highlight = createHighlight(db, { sourceId, ...at('end the blockade') });
    const deleted = deleteHighlight(db, highlight.id);
    reanchorSource(db, sourceId, `Baku, 27 December.\n\n${BODY}`);
    const restored = restoreHighlight(db, deleted);
    expect(restored).toMatchObject({ id: highlight.id, exact: 'end the blockade', start: highlight.start + 20, orphaned: false });
    expect(apiError(() => restoreHighlight(db, deleted)).code).toBe('conflict');
  });
});

describe('reattachHighlight', () => {
  it('moves an orphan onto a range of the current text and clears the flag', () => {
    const highlight = createHighlight(db, { sourceId, ...at('лишены продовольствия') });
    const corrected = BODY.replace('лишены продовольствия', 'остались без еды');
    reanchorSource(db, sourceId, corrected);
    expect(getHighlight(db, highlight.id).orphaned).toBe(true);
    const start = corrected.indexOf('остались без еды');
    const reattached = reattachHighlight(db, highlight.id, start, start + 'остались без еды'.length);
    expect(reattached).toMatchObject({ orphaned: false, exact: 'остались без еды', start });
    expect(apiError(() => reattachHighlight(db, highlight.id, 3, 2)).code).toBe('invalid_request');
  });
});

it('deletes a source’s highlights and their tag links with the source', () => {
  const other = addSource(db, { body: 'Another article about the Lachin corridor.' });
  createHighlight(db, { sourceId, ...at('Security Council'), tags: ['UN'] });
  createHighlight(db, { sourceId, ...at('end the blockade'), tags: ['blockade'] });
  const kept = createHighlight(db, { sourceId: other, start: 0, end: 7, tags: ['blockade'] });
  expect(deleteSource(db, sourceId)).toBe(true);
  expect((db.prepare('SELECT count(*) AS n FROM highlights').get() as { n: number }).n).toBe(1);
  expect((db.prepare('SELECT count(*) AS n FROM highlight_tags').get() as { n: number }).n).toBe(1);
  expect(listHighlights(db, other)).toEqual([kept]);
  expect(listTags(db)).toEqual([{ name: 'blockade', count: 1 }]);
});
