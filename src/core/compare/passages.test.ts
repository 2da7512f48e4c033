import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { createNote, saveNote } from '../notes/notes';
import { updateSource } from '../sources';
import { citation, editorStateJson, paragraph } from '../../shared/notes/testStates';
import { addToCollection } from './collections';
import { setOutlet } from './outlets';
import { coOccurrence } from './matrix';
import { createHighlight } from '../highlights/highlights';
import { allPassages, countPassages, PROBE_PASSAGES, queryPassages } from './passages';
import { addHighlight, addSource, importSamples, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
let ids: number[];
let h: Record<string, number>;
beforeEach(async () => {
  ({ db, cleanup } = openTestLibrary());
  ids = await importSamples(db);
  // 1: undated, no outlet; 2: UrduPoint.com 2023-02-24; 3: Asbarez 2023-01-10 (set here); 5: AzerNews 2023-01-11.
  updateSource(db, ids[2]!, { outlet: 'Asbarez', publishedAt: '2023-01-10', language: 'en-GB' });
  setOutlet(db, 'Asbarez', { country: 'AM' });
  setOutlet(db, 'AzerNews', { country: 'AZ' });
  h = {
    pretext: addHighlight(db, ids[0]!, 'fictitious pretext', { tags: ['framing/blockade-denial'] }),
    urdu: addHighlight(db, ids[1]!, 'illegal blockade', { tags: ['framing/illegal-blockade'], color: 'red' }),
    asbarezLate: addHighlight(db, ids[2]!, 'there is no blockade', { tags: ['framing/blockade-denial'] }),
    asbarezEarly: addHighlight(db, ids[2]!, 'illegal blockade', { tags: ['framing/illegal-blockade', 'actors'] }),
    azer: addHighlight(db, ids[4]!, 'UN peacekeepers', { tags: [] }),
  };
});
afterEach(() => cleanup());

const idsOf = (filter: Parameters<typeof allPassages>[1], sort?: Parameters<typeof allPassages>[2]) => allPassages(db, filter, sort).map((p) => p.id);

/** The passages' ids in the by-date order computed apart: undated last, then date, source, orphaned, position, id. */
const byDate = (filter: Parameters<typeof allPassages>[1]) =>
  allPassages(db, filter, 'source')
    .sort((a, b) => Number(a.publishedAt === null) - Number(b.publishedAt === null) || (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.sourceId - b.sourceId || Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || a.id - b.id)
    .map((p) => p.id);

/** Every page by date, `limit` a page, followed cursor by cursor: the ids in the order listed. */
const pagedIds = (filter: Parameters<typeof allPassages>[1], limit: number, count = true) => {
  const seen: number[] = [];
  let after: string | null = null;
  do {
    const page = queryPassages(db, { filter, limit, after, count });
    seen.push(...page.passages.map((p) => p.id));
    after = page.next;
  } while (after !== null);
  return seen;
};

describe('passages', () => {
  it('lists every highlight with its source facts, by date then position, undated last', () => {
    const passages = allPassages(db);
    expect(passages.map((p) => p.id)).toEqual([h.asbarezEarly, h.asbarezLate, h.azer, h.urdu, h.pretext]);
    expect(passages[0]).toMatchObject({
      sourceId: ids[2],
      exact: 'illegal blockade',
      codes: ['actors', 'framing/illegal-blockade'],
      outlet: 'Asbarez',
      country: 'AM',
      publishedAt: '2023-01-10',
      orphaned: false,
      cited: false,
      color: 'yellow',
    });
    expect(passages.at(-1)).toMatchObject({ outlet: null, country: null, publishedAt: null });
  });

  it('filters by code including its children, outlet, country, colour, language, date range and words', () => {
    expect(idsOf({ code: 'framing' })).toEqual([h.asbarezEarly, h.asbarezLate, h.urdu, h.pretext]);
    expect(idsOf({ code: 'Framing/Blockade-denial' })).toEqual([h.asbarezLate, h.pretext]);
    expect(idsOf({ code: 'framing/blockade' })).toEqual([]);
    expect(idsOf({ outlet: '(no outlet)' })).toEqual([h.pretext]);
    expect(idsOf({ outlet: 'Asbarez', code: 'actors' })).toEqual([h.asbarezEarly]);
    expect(idsOf({ country: 'az' })).toEqual([h.azer]);
    expect(idsOf({ country: '(no country)' })).toEqual([h.urdu, h.pretext]);
    expect(idsOf({ color: 'red' })).toEqual([h.urdu]);
    expect(idsOf({ language: 'en-GB' })).toEqual([h.asbarezEarly, h.asbarezLate]);
    expect(idsOf({ after: '2023-01-11', before: '2023-02-24' })).toEqual([h.azer, h.urdu]);
    // Words are searched in the quote, the comment and the codes (framing/blockade-denial has "blockade").
    expect(idsOf({ words: 'blockade' })).toEqual([h.asbarezEarly, h.asbarezLate, h.urdu, h.pretext]);
    expect(idsOf({ words: 'peacekeep*' })).toEqual([h.azer]);
    expect(idsOf({ words: 'tag:actors' })).toEqual([h.asbarezEarly]);
  });

  it('filters to passages carrying all of several codes, each with its children, as the co-occurrence cell counts them', () => {
    const both = addHighlight(db, ids[4]!, 'Dmitriy Peskov told reporters', { tags: ['framing/blockade-denial', 'actors/peacekeepers'] });
    expect(idsOf({ codes: ['framing/blockade-denial', 'actors'] })).toEqual([both]);
    // A parent counts its children: framing/illegal-blockade with actors is the early Asbarez passage.
    expect(idsOf({ codes: ['Framing', 'actors'] })).toEqual([h.asbarezEarly, both]);
    expect(idsOf({ codes: ['framing', 'framing/illegal-blockade'] })).toEqual([h.asbarezEarly, h.urdu]);
    expect(idsOf({ codes: ['framing/illegal-blockade', 'framing/blockade-denial'] })).toEqual([]);
    // Together with the other filters.
    expect(idsOf({ codes: ['framing', 'actors'], outlet: 'Asbarez' })).toEqual([h.asbarezEarly]);
    const matrix = coOccurrence(db);
    expect(matrix.counts['framing']!['actors']).toBe(idsOf({ codes: ['framing', 'actors'] }).length);
    expect(matrix.counts['actors/peacekeepers']!['framing/blockade-denial']).toBe(idsOf({ codes: ['actors/peacekeepers', 'framing/blockade-denial'] }).length);
  });

  it('counts apart from the page when asked: a page without its count, then the count alone', () => {
    const page = queryPassages(db, { filter: { code: 'framing' }, limit: 1, count: false });
    expect(page.total).toBeNull();
    expect(page.passages).toHaveLength(1);
    expect(countPassages(db, { code: 'framing' })).toBe(4);
    expect(countPassages(db, { codes: ['framing', 'actors'] })).toBe(1);
    expect(countPassages(db, { words: '&&' })).toBe(queryPassages(db, { filter: { words: '&&' } }).total);
    expect(countPassages(db)).toBe(5);
  });

  it('filters by collection, cited and orphaned', () => {
    addToCollection(db, 'Armenian press', [ids[2]!]);
    expect(idsOf({ collection: 'armenian press' })).toEqual([h.asbarezEarly, h.asbarezLate]);
    expect(idsOf({ collection: '(no collection)' })).toEqual([h.azer, h.urdu, h.pretext]);
    const note = createNote(db, { title: 'Draft' });
    saveNote(db, note.id, { editorState: editorStateJson(paragraph(citation(ids[4]!, h.azer!))) });
    expect(idsOf({ cited: true })).toEqual([h.azer]);
    expect(idsOf({ cited: false })).toEqual([h.asbarezEarly, h.asbarezLate, h.urdu, h.pretext]);
    expect(idsOf({ orphaned: true })).toEqual([]);
  });

  it('sorts by outlet (no outlet last) or by source title', () => {
    expect(idsOf({}, 'outlet')).toEqual([h.asbarezEarly, h.asbarezLate, h.azer, h.urdu, h.pretext]);
    expect(idsOf({}, 'country')).toEqual([h.asbarezEarly, h.asbarezLate, h.azer, h.urdu, h.pretext]);
    setOutlet(db, 'UrduPoint.com', { country: 'AA' });
    expect(idsOf({}, 'country')).toEqual([h.urdu, h.asbarezEarly, h.asbarezLate, h.azer, h.pretext]);
    const byTitle = allPassages(db, {}, 'source').map((p) => p.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('pages by keyset: the pages together are the whole list, each once', () => {
    const first = queryPassages(db, { limit: 2 });
    expect(first.total).toBe(5);
    const second = queryPassages(db, { limit: 2, after: first.next });
    const third = queryPassages(db, { limit: 2, after: second.next });
    expect(third.next).toBeNull();
    expect([...first.passages, ...second.passages, ...third.passages].map((p) => p.id)).toEqual(idsOf({}));
    expect(() => queryPassages(db, { sort: 'outlet', after: first.next })).toThrow(/cursor/);
  });

  it('pages the unfiltered list (walked source by source) exactly as a filtered one, across the undated boundary', () => {
    const undatedSecond = addHighlight(db, ids[0]!, 'monitoring missions');
    const walk = (filter: Parameters<typeof allPassages>[1]) => {
      const seen: number[] = [];
      let after: string | null = null;
      do {
        const page = queryPassages(db, { filter, limit: 1, after });
        seen.push(...page.passages.map((p) => p.id));
        after = page.next;
      } while (after !== null);
      return seen;
    };
    // No highlight is orphaned, so this filter keeps every row but takes the general statement.
    const general = walk({ orphaned: false });
    expect(general).toContain(undatedSecond);
    expect(walk({})).toEqual(general);
    expect(queryPassages(db, {}).total).toBe(6);
  });

  it('pages a filtered list by date exactly as its passages sort by date (undated last), then position, in pages of 1, 2 and 1,000', () => {
    // More passages, some sharing a source and a date, one undated source coded too.
    addHighlight(db, ids[0]!, 'monitoring missions', { tags: ['framing/blockade-denial'] });
    addHighlight(db, ids[2]!, 'the', { tags: ['framing/illegal-blockade'] });
    addHighlight(db, ids[4]!, 'the', { tags: ['actors/Aliyev'] });
    for (const filter of [{}, { code: 'framing' }, { code: 'actors/Aliyev' }, { outlet: 'AzerNews' }, { orphaned: false }, { words: 'blockade' }]) {
      const expected = byDate(filter);
      expect(expected.length).toBeGreaterThan(0);
      for (const limit of [1, 2, 1000]) expect(pagedIds(filter, limit)).toEqual(expected);
    }
  });

  it('pages a filtered list by date exactly as it sorts, past what the probe reads: dense, sparse, bunched late, with and without the count', () => {
    // 40 passages a source, over more dated sources than the probe reads passages (and one undated).
    const dated = Math.ceil(PROBE_PASSAGES / 40) + 10;
    expect(dated % 7).not.toBe(0); // so that 7n mod dated gives each source a day of its own
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    db.transaction(() => {
      for (let n = 0; n <= dated; n++) {
        // Dates in another order than the sources were added (day 7n mod the count, of 2023), so ids are no guide.
        const publishedAt = n === dated ? null : new Date(Date.UTC(2023, 0, 1 + ((n * 7) % dated))).toISOString().slice(0, 10);
        const source = addSource(db, { title: `Report ${n}`, body: words, publishedAt });
        for (let k = 0; k < 40; k++) {
          const at = words.indexOf(`word${k}`);
          const tags = [...(n < dated / 2 && k % 5 !== 0 ? ['dense'] : []), ...(n >= dated - 5 ? ['late'] : []), ...((n * 40 + k) % 50 === 0 ? ['sparse'] : [])];
          createHighlight(db, { sourceId: source, start: at, end: at + `word${k}`.length, tags });
        }
      }
    })();
    expect(countPassages(db)).toBeGreaterThan(PROBE_PASSAGES);
    for (const filter of [{ code: 'dense' }, { code: 'late' }, { code: 'sparse' }, { orphaned: false }, { code: 'dense', color: 'yellow' as const }]) {
      const expected = byDate(filter);
      expect(expected.length).toBeGreaterThan(0);
      expect(pagedIds(filter, 200)).toEqual(expected);
      expect(pagedIds(filter, 200, false)).toEqual(expected);
    }
  });

  it('pages the unfiltered list by outlet (walked outlet by outlet) exactly as a filtered one: outlets alike but for case, none, undated, and a page ending in each', () => {
    // "asbarez" and "Asbarez" are one outlet to NOCASE and two as written; "Élysée" sorts after ASCII; the sources without an outlet last.
    updateSource(db, ids[1]!, { outlet: 'asbarez' });
    updateSource(db, ids[3]!, { outlet: 'Élysée', publishedAt: null });
    const extra = [addSource(db, { title: 'Undated Asbarez', outlet: 'Asbarez' }), addSource(db, { title: 'Another without outlet', publishedAt: '2023-01-01' })];
    for (const id of [...ids, ...extra]) {
      addHighlight(db, id, id === extra[0] ? 'Undated Asbarez' : id === extra[1] ? 'Another without outlet' : 'the');
    }
    const walk = (filter: Parameters<typeof allPassages>[1], limit: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = queryPassages(db, { filter, sort: 'outlet', limit, after });
        seen.push(...page.passages.map((p) => `${p.outlet} ${p.publishedAt} ${p.id}`));
        after = page.next;
      } while (after !== null);
      return seen;
    };
    const general = walk({ orphaned: false }, 1000);
    expect(general).toHaveLength(queryPassages(db, {}).total!);
    const outlets = general.map((row) => row.split(' ')[0]);
    expect(outlets.indexOf('asbarez')).toBeGreaterThan(-1);
    expect(outlets.at(-1)).toBe('null');
    for (const limit of [1, 2, 3, 1000]) expect(walk({}, limit)).toEqual(general);
    // A cursor whose outlet has since gone (renamed) goes on from where that outlet was.
    const first = queryPassages(db, { sort: 'outlet', limit: 2 });
    const renamed = first.passages.at(-1)!;
    updateSource(db, renamed.sourceId, { outlet: 'Zzz renamed' });
    const rest = queryPassages(db, { sort: 'outlet', limit: 1000, after: first.next });
    const general2 = queryPassages(db, { filter: { orphaned: false }, sort: 'outlet', limit: 1000, after: first.next });
    expect(rest.passages.map((p) => p.id)).toEqual(general2.passages.map((p) => p.id));
  });
});
