import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import type { Db } from '../db/db';
import { createHighlight } from '../highlights/highlights';
import { createNote, deleteNote, saveNote } from '../notes/notes';
import { interleaveByRank, searchLibrary } from './search';
import { addSource, openTestLibrary } from '../../../tests/support/library';

/** Search over highlights (quote, comment, tags) and notes (title, text) beside sources. */
let db: Db;
let cleanup: () => void;
const id: Record<string, number> = {};

const AZ_BODY = 'Ekoloji fəallar Laçın yolunda aksiya keçirirlər. Xankəndi şəhərində vəziyyət sakitdir.';
const RU_BODY = 'Российские миротворцы остаются на Лачинской дороге. Переговоры продолжатся в январе.';

function highlight(sourceId: number, body: string, words: string, extra: { comment?: string; tags?: string[] } = {}): number {
  const start = body.indexOf(words);
  return createHighlight(db, { sourceId, start, end: start + words.length, ...extra }).id;
}

beforeAll(() => {
  ({ db, cleanup } = openTestLibrary());
  id.az = addSource(db, { title: 'Laçın aksiyası', outlet: 'Report.az', publishedAt: '2023-01-05', body: AZ_BODY });
  id.ru = addSource(db, { title: 'Миротворцы', outlet: 'ТАСС', publishedAt: '2023-02-20', body: RU_BODY });
  id.azQuote = highlight(id.az, AZ_BODY, 'Laçın yolunda aksiya', { comment: 'Compare with the Armenpress account', tags: ['Blockade', 'protest'] });
  id.azCity = highlight(id.az, AZ_BODY, 'Xankəndi şəhərində', { tags: ['Stepanakert'] });
  id.ruQuote = highlight(id.ru, RU_BODY, 'Российские миротворцы остаются', { comment: 'Peacekeepers stay', tags: ['peacekeepers'] });
  vi.useFakeTimers({ now: new Date('2023-03-01T12:00:00Z'), toFake: ['Date'] });
  const note = createNote(db, { title: 'Two accounts of the Laçın road' });
  saveNote(db, note.id, { editorState: editorStateJson(paragraph(text('Report.az calls them eco-activists; Armenpress calls it a blockade near Xankəndi.'))) });
  id.note = note.id;
  const gone = createNote(db, { title: 'Deleted draft about the blockade' });
  deleteNote(db, gone.id);
  vi.useRealTimers();
});
afterAll(() => cleanup());

const found = (query: string) => searchLibrary(db, query).results.map((result) => `${result.type} ${result.id}`).sort();
const marks = (query: string, type: string, resultId: number | undefined) =>
  searchLibrary(db, query)
    .results.find((result) => result.type === type && result.id === resultId)
    ?.segments.filter((segment) => segment.match)
    .map((segment) => segment.text);

describe('searching highlights and notes', () => {
  it('finds sources, highlights and notes for one word, folded in every script', () => {
    expect(found('"Lacin"')).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`, `source ${id.az}`].sort());
    // Unquoted, in any script: the Russian source's "Лачинской" too.
    for (const query of ['Lacin', 'Лачин', 'Լաչին']) expect(found(query)).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`, `source ${id.az}`, `source ${id.ru}`].sort());
    expect(found('Ханкенди')).toEqual([`highlight ${id.azCity}`, `note ${id.note}`, `source ${id.az}`].sort());
    expect(found('Xankendi')).toEqual([`highlight ${id.azCity}`, `note ${id.note}`, `source ${id.az}`].sort());
    expect(found('миротворцы')).toEqual([`highlight ${id.ruQuote}`, `source ${id.ru}`].sort());
  });

  it('searches a highlight’s comment and tags, and a note’s text', () => {
    expect(found('Armenpress')).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`].sort());
    expect(found('stepanakert')).toEqual([`highlight ${id.azCity}`]);
    expect(found('eco-activists')).toEqual([`note ${id.note}`]);
  });

  it('leaves deleted notes out', () => {
    expect(found('draft')).toEqual([]);
    expect(found('blockade')).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`].sort());
  });

  it('gives each result its title and source: the source’s title for a highlight, none for a note', () => {
    const results = searchLibrary(db, 'Xankendi').results;
    expect(results.find((result) => result.type === 'highlight')).toMatchObject({ id: id.azCity, sourceId: id.az, title: 'Laçın aksiyası' });
    expect(results.find((result) => result.type === 'note')).toMatchObject({ id: id.note, sourceId: null, title: 'Two accounts of the Laçın road' });
  });

  it('marks the original spelling in snippets of highlights and notes', () => {
    expect(marks('Xankendi', 'highlight', id.azCity)).toEqual(['Xankəndi']);
    expect(marks('Lacin', 'note', id.note)).toEqual(['Laçın']);
    expect(marks('peacekeep*', 'highlight', id.ruQuote)).toEqual(['Peacekeepers']);
  });

  it('filters by type:', () => {
    expect(found('Lacin type:highlight')).toEqual([`highlight ${id.azQuote}`]);
    expect(found('Lacin type:note')).toEqual([`note ${id.note}`]);
    expect(found('Lacin type:highlight type:note')).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`].sort());
    expect(found('Lacin -type:source')).toEqual([`highlight ${id.azQuote}`, `note ${id.note}`].sort());
  });

  it('filters by tag:, which only highlights have', () => {
    expect(found('tag:blockade')).toEqual([`highlight ${id.azQuote}`]);
    expect(found('aksiya tag:protest')).toEqual([`highlight ${id.azQuote}`]);
    expect(found('aksiya -tag:protest')).toEqual([`source ${id.az}`]);
    expect(found('tag:peacekeepers OR tag:stepanakert')).toEqual([`highlight ${id.azCity}`, `highlight ${id.ruQuote}`].sort());
    expect(found('Lacin tag:nothing')).toEqual([]);
  });

  it('narrows outlet: and author: to sources', () => {
    expect(found('Lacin outlet:report.az')).toEqual([`source ${id.az}`]);
  });

  it('dates a highlight by its source and a note by its last edit', () => {
    expect(found('Lacin after:2023-01-04 before:2023-01-06')).toEqual([`highlight ${id.azQuote}`, `source ${id.az}`].sort());
    expect(found('Lacin after:2023-02-28')).toEqual([`note ${id.note}`]);
    expect(found('миротворцы after:2023-02-01')).toEqual([`highlight ${id.ruQuote}`, `source ${id.ru}`].sort());
  });
});

describe('interleaveByRank', () => {
  const rows = (...scores: number[]) => scores.map((score) => ({ score }));

  it('takes every kind’s best first, then every kind’s second, ordering each round by score', () => {
    const merged = interleaveByRank([
      { type: 'source', rows: rows(-5, -4, -3) },
      { type: 'highlight', rows: rows(-20, -19, -18) },
      { type: 'note', rows: rows(-1) },
    ], 5);
    expect(merged.map(({ type, row }) => `${type} ${row.score}`)).toEqual(['highlight -20', 'source -5', 'note -1', 'highlight -19', 'source -4']);
  });

  it('lets the other kinds fill the page when one runs out', () => {
    const merged = interleaveByRank([{ type: 'source', rows: rows(-3, -2, -1) }, { type: 'note', rows: [] }], 10);
    expect(merged).toHaveLength(3);
  });
});
