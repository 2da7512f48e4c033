import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { setCode } from './codes';
import { setOutlet } from './outlets';
import { bucketDaysFor, timeline } from './timeline';
import type { TestLibrary } from '../../../tests/support/library';
import { addHighlight, addSource, openTestLibrary } from '../../../tests/support/library';

let lib: TestLibrary;
let db: Db;
beforeEach(() => {
  lib = openTestLibrary();
  db = lib.db;
});
afterEach(() => lib.cleanup());

const source = (title: string, outlet: string | null, publishedAt: string | null) => addSource(db, { title, outlet, publishedAt, body: `${title}. Troops at the corridor; a peaceful rally; the blockade.` });
const day = (n: number) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10);
const lane = (data: ReturnType<typeof timeline>, name: string) => data.lanes.find((entry) => entry.name === name)!;
/** A mark's passages per code by name, as the page reads them from the timeline's codes. */
const codesOf = (data: ReturnType<typeof timeline>, mark: ReturnType<typeof timeline>['lanes'][number]['marks'][number]) => mark.codes.map(([at, passages]) => ({ code: data.codes[at]!.name, passages }));

describe('the timeline, aggregated per day and lane', () => {
  it('counts the sources of each day per outlet, names a lone source, and lists lanes with "(no outlet)" last', () => {
    const lone = source('Lone report', 'AzerNews', '2023-01-11');
    source('First of two', 'Asbarez', '2023-01-12');
    source('Second of two', 'Asbarez', '2023-01-12');
    source('Third', 'Asbarez', '2023-01-14');
    source('No outlet', null, '2023-01-13');
    const data = timeline(db);
    expect(data.lanes.map((entry) => entry.name)).toEqual(['Asbarez', 'AzerNews', '(no outlet)']);
    expect([data.from, data.to, data.bucketDays, data.sourceCount]).toEqual(['2023-01-11', '2023-01-14', 1, 5]);
    expect(lane(data, 'Asbarez').marks.map((mark) => [mark.from, mark.to, mark.sourceCount, mark.source?.title ?? null])).toEqual([
      ['2023-01-12', '2023-01-12', 2, null],
      ['2023-01-14', '2023-01-14', 1, 'Third'],
    ]);
    expect(lane(data, 'Asbarez').sourceCount).toBe(3);
    expect(lane(data, 'AzerNews').marks[0]!.source).toEqual({ id: lone, title: 'Lone report', publishedAt: '2023-01-11' });
  });

  it('counts passages per mark and per code for colouring, a passage with two codes under each', () => {
    const a = source('A', 'TASS', '2023-01-20');
    const b = source('B', 'TASS', '2023-01-20');
    source('C', 'TASS', '2023-01-21');
    addHighlight(db, a, 'Troops', { tags: ['framing/denial', 'actors/army'] });
    addHighlight(db, a, 'peaceful rally', { tags: ['framing/denial'] });
    addHighlight(db, b, 'blockade'); // no code: counted as a passage, under no code
    const data = timeline(db);
    const [twoSources, third] = lane(data, 'TASS').marks;
    expect(twoSources).toMatchObject({ sourceCount: 2, passageCount: 3 });
    expect(codesOf(data, twoSources!)).toEqual([{ code: 'framing/denial', passages: 2 }, { code: 'actors/army', passages: 1 }]);
    expect(third).toMatchObject({ sourceCount: 1, passageCount: 0, codes: [] });
  });

  it('names each code once for the whole timeline, the marks referring to it by its index', () => {
    for (const [n, outlet] of ['TASS', 'Asbarez', 'TASS'].entries()) {
      const id = source(`Report ${n}`, outlet, day(n * 3));
      addHighlight(db, id, 'Troops', { tags: ['framing/denial', 'actors/army'] });
      addHighlight(db, id, 'blockade', { tags: ['framing/denial'] });
    }
    const data = timeline(db);
    expect(data.codes).toEqual([
      { name: 'actors/army', color: null },
      { name: 'framing/denial', color: null },
    ]);
    const every = data.lanes.flatMap((entry) => entry.marks);
    expect(every).toHaveLength(3);
    for (const mark of every) expect(mark.codes).toEqual([[1, 2], [0, 1]]);
    expect(JSON.stringify(data).match(/framing\/denial/g)).toHaveLength(1);
  });

  it("carries the codebook's colour of each code its marks show, so the page colours them without asking for the codebook", () => {
    const a = source('A', 'TASS', '2023-01-20');
    addHighlight(db, a, 'Troops', { tags: ['framing/denial', 'actors/army'] });
    addHighlight(db, a, 'blockade', { tags: ['unused/elsewhere'] });
    setCode(db, 'framing/denial', { color: '#aa0000' });
    const b = source('B', 'TASS', '2023-01-21');
    addHighlight(db, b, 'Troops', { tags: ['hidden'] });
    setCode(db, 'hidden', { color: '#00aa00' });
    // Not on this axis: its colour is not sent.
    expect(timeline(db, { before: '2023-01-20' }).codes).toEqual([
      { name: 'actors/army', color: null },
      { name: 'framing/denial', color: '#aa0000' },
      { name: 'unused/elsewhere', color: null },
    ]);
    expect(timeline(db).codes).toEqual([
      { name: 'actors/army', color: null },
      { name: 'framing/denial', color: '#aa0000' },
      { name: 'hidden', color: '#00aa00' },
      { name: 'unused/elsewhere', color: null },
    ]);
  });

  it('counts undated sources per lane, a lane of only undated sources included; "only with passages" counts those alike', () => {
    source('Dated', 'TASS', '2023-01-20');
    const undated = source('Undated TASS', 'TASS', null);
    source('Undated Asbarez', 'Asbarez', null);
    source('Undated Asbarez 2', 'Asbarez', null);
    addHighlight(db, undated, 'Troops', { tags: ['framing/denial'] });
    const data = timeline(db);
    expect(data.lanes.map((entry) => [entry.name, entry.sourceCount, entry.undatedCount, entry.marks.length])).toEqual([
      ['Asbarez', 0, 2, 0],
      ['TASS', 1, 1, 1],
    ]);
    expect(data.undatedCount).toBe(3);
    const coded = timeline(db, { codedOnly: true });
    expect(coded.lanes.map((entry) => [entry.name, entry.sourceCount, entry.undatedCount])).toEqual([['TASS', 0, 1]]);
    expect([coded.from, coded.to, coded.undatedCount]).toEqual([null, null, 1]);
  });

  it('keeps the sources of both ends of a date range and none outside it', () => {
    for (let n = 0; n < 10; n++) source(`Day ${n}`, 'TASS', day(n));
    const data = timeline(db, { after: day(3), before: day(6) });
    expect([data.from, data.to, data.sourceCount]).toEqual([day(3), day(6), 4]);
    expect(lane(data, 'TASS').marks.map((mark) => mark.source?.title)).toEqual(['Day 3', 'Day 4', 'Day 5', 'Day 6']);
    // The axis starts at the first date shown, not at the range's start.
    expect(timeline(db, { after: '2021-06-01', before: day(1) })).toMatchObject({ from: day(0), to: day(1), sourceCount: 2 });
    expect(timeline(db, { after: '2030-01-01' })).toMatchObject({ from: null, to: null, sourceCount: 0, lanes: [] });
  });

  it('over a long range merges the days into at most 40 stretches per lane, none lost, each within its stretch', () => {
    for (let n = 0; n < 250; n++) source(`Daily ${n}`, 'Daily News', day(n));
    source('Other outlet', 'Weekly', day(100));
    const data = timeline(db);
    expect(data.bucketDays).toBe(bucketDaysFor(day(0), day(249)));
    expect(data.bucketDays).toBe(7);
    const marks = lane(data, 'Daily News').marks;
    expect(marks.length).toBeLessThanOrEqual(40);
    expect(marks.reduce((sum, mark) => sum + mark.sourceCount, 0)).toBe(250);
    expect(marks[0]).toMatchObject({ from: day(0), to: day(6), sourceCount: 7, source: null });
    expect(marks.at(-1)).toMatchObject({ from: day(245), to: day(249), sourceCount: 5 });
    const froms = marks.map((mark) => mark.from);
    expect(froms).toEqual([...froms].sort());
    expect(lane(data, 'Weekly').marks).toEqual([expect.objectContaining({ sourceCount: 1, source: expect.objectContaining({ title: 'Other outlet' }) })]);
    // Narrowed to one stretch's dates, each day is a mark of its own again.
    expect(lane(timeline(db, { after: day(0), before: day(6) }), 'Daily News').marks.map((mark) => mark.sourceCount)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('counts the same marks by one grouped scan as by a seek per outlet and stretch (a library of many outlets)', () => {
    for (let n = 0; n < 120; n++) source(`Report ${n}`, n % 3 === 0 ? null : `Outlet ${n % 5}`, n % 11 === 0 ? null : day(n * 3));
    setOutlet(db, 'Outlet 1', { country: 'AM' });
    setOutlet(db, 'Outlet 2', { country: 'AM' });
    for (const options of [{}, { by: 'country' as const }, { after: day(30), before: day(200) }]) {
      const seeks = timeline(db, options);
      expect(seeks.lanes.length).toBeGreaterThan(1);
      expect(timeline(db, { ...options, maxSeeks: 0 })).toEqual(seeks);
    }
  });

  it('lanes by country join the outlets of one country, and "(no country)" comes last', () => {
    source('Armenian 1', 'Asbarez', '2023-01-10');
    source('Armenian 2', 'Armenpress', '2023-01-10');
    source('Azerbaijani', 'AzerNews', '2023-01-11');
    source('Unknown', 'Blog', '2023-01-11');
    setOutlet(db, 'Asbarez', { country: 'AM' });
    setOutlet(db, 'Armenpress', { country: 'AM' });
    setOutlet(db, 'AzerNews', { country: 'AZ' });
    const data = timeline(db, { by: 'country' });
    expect(data.lanes.map((entry) => [entry.name, entry.marks.map((mark) => mark.sourceCount)])).toEqual([
      ['AM', [2]],
      ['AZ', [1]],
      ['(no country)', [1]],
    ]);
  });
});
