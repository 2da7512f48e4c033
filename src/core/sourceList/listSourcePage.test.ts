import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcePageRequest } from '../../shared/domain/sourceList';
import type { Db } from '../db/db';
import { addToCollection } from '../compare/collections';
import { listLanguages, listSourcePage, sourcePageSql } from './listSourcePage';
import { addSource, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = openTestLibrary());
  const outlets = ['AzerNews', 'Armenpress', null, 'azatutyun'];
  for (let i = 0; i < 23; i++) {
    addSource(db, {
      title: `${String.fromCharCode(65 + ((i * 7) % 23))} report ${i}`,
      outlet: outlets[i % 4] ?? null,
      author: i % 3 === 0 ? null : `Author ${i % 5}`,
      publishedAt: i % 6 === 5 ? null : `2023-01-${String((i % 28) + 1).padStart(2, '0')}`,
      language: i % 2 === 0 ? 'en' : 'hy',
      body: i % 5 === 0 ? `The Lachin corridor was closed, day ${i}.` : `Talks resumed in Brussels, round ${i}.`,
    });
  }
});
afterEach(() => cleanup());

/** Every row, page after page by keyset, and the ids in the order they came. */
function readAll(request: z.input<typeof SourcePageRequest>, pageSize: number): { ids: number[]; pages: number } {
  const ids: number[] = [];
  let after = null;
  let pages = 0;
  do {
    const page = listSourcePage(db, { ...request, after, limit: pageSize });
    ids.push(...page.sources.map((source) => source.id));
    after = page.next;
    pages++;
  } while (after !== null);
  return { ids, pages };
}

/** The same order, computed in JavaScript from every row: what the SQL must agree with. */
function expectedOrder(key: (row: { id: number; title: string; outlet: string | null; author: string | null; published_at: string | null }) => string, direction: 'asc' | 'desc'): number[] {
  const rows = db.prepare('SELECT id, title, outlet, author, published_at FROM sources').all() as Parameters<typeof key>[0][];
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .sort((a, b) => {
      const ka = key(a).toLowerCase();
      const kb = key(b).toLowerCase();
      return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || (a.id - b.id) * sign;
    })
    .map((row) => row.id);
}

describe('the library list, a page at a time', () => {
  it('pages by keyset through every sort in both directions, each row once, in the sorted order', () => {
    const keys = {
      date: (row: { published_at: string | null }) => row.published_at ?? '',
      title: (row: { title: string }) => row.title,
      outlet: (row: { outlet: string | null }) => row.outlet ?? '',
      author: (row: { author: string | null }) => row.author ?? '',
    };
    for (const sort of ['date', 'title', 'outlet', 'author'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { ids, pages } = readAll({ sort, direction }, 5);
        expect(pages, `${sort} ${direction}`).toBe(5);
        expect(ids, `${sort} ${direction}`).toEqual(expectedOrder(keys[sort], direction));
      }
    }
  });

  it('lists newest first by default with undated sources last, and counts what it shows', () => {
    const page = listSourcePage(db, { limit: 3 });
    expect(page.sources.map((source) => source.publishedAt)).toEqual(['2023-01-23', '2023-01-22', '2023-01-21']);
    expect(page.total).toBe(23);
    expect(page.libraryTotal).toBe(23);
    const last = listSourcePage(db, { offset: 20, limit: 3 });
    expect(last.sources.map((source) => source.publishedAt)).toEqual([null, null, null]);
    expect(last.next).toBeNull();
  });

  it('filters by outlet, language, dates and words in SQL, counting the matches and the library', () => {
    expect(listSourcePage(db, { outlet: 'AzerNews' }).sources.every((source) => source.outlet === 'AzerNews')).toBe(true);
    expect(listSourcePage(db, { outlet: 'AzerNews' }).total).toBe(6);
    const hy = listSourcePage(db, { language: 'hy', from: '2023-01-10', to: '2023-01-20' });
    expect(hy.sources.every((source) => source.language === 'hy' && source.publishedAt! >= '2023-01-10' && source.publishedAt! <= '2023-01-20')).toBe(true);
    expect(hy.total).toBe(hy.sources.length);
    expect(hy.total).toBeGreaterThan(0);
    const lachin = listSourcePage(db, { words: 'lachin', sort: 'title' });
    expect(lachin.total).toBe(5);
    expect(lachin.libraryTotal).toBe(23);
    expect(lachin.sources.map((source) => source.title).sort()).toEqual(lachin.sources.map((source) => source.title).sort());
    // The search language: a prefix, and words that must all match.
    expect(listSourcePage(db, { words: 'lach* closed' }).total).toBe(5);
    expect(listSourcePage(db, { words: 'lachin brussels' }).total).toBe(0);
    // Nothing searchable narrows nothing.
    expect(listSourcePage(db, { words: '&&' }).total).toBe(23);
    expect(listLanguages(db)).toEqual(['en', 'hy']);
  });

  it('filters by a collection, its name case-folded; an unknown collection matches none', () => {
    const ids = listSourcePage(db, { sort: 'title', limit: 4 }).sources.map((source) => source.id);
    addToCollection(db, 'Armenian press', [ids[0]!, ids[2]!]);
    addToCollection(db, 'Other', [ids[1]!]);
    const page = listSourcePage(db, { sort: 'title', collection: 'armenian PRESS' });
    expect(page.sources.map((source) => source.id)).toEqual([ids[0], ids[2]]);
    expect(page.total).toBe(2);
    expect(listSourcePage(db, { collection: 'No such collection' }).total).toBe(0);
  });

  it('reads a page from an index from the cursor on, not by sorting or scanning every row', () => {
    for (const sort of ['date', 'title', 'outlet', 'author'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { sql } = sourcePageSql(db, SourcePageRequest.parse({ sort, direction, after: { value: 'x', id: 5 } }));
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ afterValue: 'x', afterId: 5, limit: 10 }) as { detail: string }[]).map((step) => step.detail).join('\n');
        expect(plan, `${sort} ${direction}`).toMatch(/^SEARCH sources USING (COVERING )?INDEX sources_list_\w+ \(/);
        expect(plan, `${sort} ${direction}`).not.toMatch(/TEMP B-TREE/);
      }
    }
    // Filtered by language, every sort is a range of an index led by the language (migration 17),
    // not every source of that language sorted for one page.
    for (const sort of ['date', 'title', 'outlet', 'author'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { sql } = sourcePageSql(db, SourcePageRequest.parse({ sort, direction, language: 'hy', after: { value: 'x', id: 5 } }));
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ language: 'hy', afterValue: 'x', afterId: 5, limit: 10 }) as { detail: string }[]).map((step) => step.detail).join('\n');
        expect(plan, `language, ${sort} ${direction}`).toMatch(new RegExp(`^SEARCH sources USING INDEX sources_list_language_${sort} \\(language=\\? AND (<expr>|title)[<>]\\?\\)`));
        expect(plan, `language, ${sort} ${direction}`).not.toMatch(/TEMP B-TREE/);
      }
    }
    const { sql } = sourcePageSql(db, SourcePageRequest.parse({ outlet: 'AzerNews', after: { value: 'x', id: 5 } }));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ outlet: 'AzerNews', afterValue: 'x', afterId: 5, limit: 10 }) as { detail: string }[]).map((step) => step.detail).join('\n');
    expect(plan).toMatch(/^SEARCH sources USING INDEX sources_list_outlet_date \(outlet=\? AND <expr><\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
