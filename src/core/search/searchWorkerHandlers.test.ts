import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorStateJson, paragraph, text } from '../../shared/notes/testStates';
import type { Db } from '../db/db';
import { createHighlight } from '../highlights/highlights';
import { createNote, saveNote } from '../notes/notes';
import { searchLibrary } from './search';
import type { SearchWorkerHandlers } from './searchWorkerHandlers';
import { createSearchWorkerHandlers } from './searchWorkerHandlers';
import { addSource, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let file: string;
let cleanup: () => void;
let handlers: SearchWorkerHandlers;
/** Words of the synthetic articles, commonest first. */
let vocabulary: string[];

/** 1,500 articles of 200 words from a skewed vocabulary: enough for queries that take a while. */
function fillLibrary(): void {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 26)]).join(''));
  db.transaction(() => {
    for (let n = 0; n < 1500; n++) {
      const words = Array.from({ length: 200 }, () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]);
      addSource(db, { title: words.slice(0, 6).join(' '), body: `${words.join(' ')}.` });
    }
  })();
}

beforeAll(() => {
  ({ db, cleanup } = openTestLibrary());
  file = db.name;
  const body = 'Convoys waited at the Laçın checkpoint near Xankəndi.';
  const sourceId = addSource(db, { title: 'Laçın checkpoint', publishedAt: '2023-01-05', body });
  createHighlight(db, { sourceId, start: body.indexOf('Laçın'), end: body.indexOf(' near'), comment: 'Compare Armenpress', tags: ['blockade'] });
  saveNote(db, createNote(db, { title: 'Laçın notes' }).id, { editorState: editorStateJson(paragraph(text('Armenpress says otherwise about Xankəndi.'))) });
  fillLibrary();
  handlers = createSearchWorkerHandlers(file);
});
afterAll(async () => {
  await handlers.close();
  cleanup();
});

/** The longest OR of common words a request may hold (1,000 characters): the slowest query we know. */
const slowQuery = (offset: number) => vocabulary.slice(offset, offset + 150).join(' OR ').slice(0, 1000).replace(/ OR \S*$/u, '');

/** The longest the event loop went without a turn while `work` ran, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (ticking) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await work();
  // The turn after the work counts too: a loop blocked until now only gets it now.
  await new Promise((resolve) => setTimeout(resolve, 5));
  ticking = false;
  return longest;
}

describe('search in a worker thread', () => {
  it.each(['Lacin', 'Xankendi type:highlight', 'armenpress -type:note', 'tag:blockade', '"Lacin checkpoint"', 'ee* after:2020-01-01', '"unclosed', ''])(
    'answers %j exactly as searchLibrary does',
    async (query) => {
      expect(await handlers.search({ query, limit: 20 })).toEqual(searchLibrary(db, query, { limit: 20 }));
    },
  );

  it('sees what the main connection committed after the worker opened the library', async () => {
    const id = addSource(db, { title: 'Zangezur', body: 'Written after the worker started.' });
    expect((await handlers.search({ query: 'zangezur', limit: 5 })).results.map((result) => result.id)).toEqual([id]);
  });

  it('keeps the event loop turning while slow queries run, unlike the same queries run here', async () => {
    const queries = [0, 150, 300, 450, 0, 150, 300, 450].map(slowQuery);
    const blocked = await longestStall(async () => {
      for (const query of queries) searchLibrary(db, query);
    });
    const inWorker = await longestStall(() => Promise.all(queries.map((query) => handlers.search({ query, limit: 20 }))));
    // The measurement can see a blocked loop (so the second figure means something)…
    expect(blocked).toBeGreaterThan(100);
    // …and with the worker, the loop never waits for SQLite.
    expect(inWorker).toBeLessThan(blocked / 4);
  });

  it('answers only the newest query of a client, and every query of different clients', async () => {
    const [first, second, third, other] = await Promise.all([
      handlers.search({ query: slowQuery(0), limit: 20, client: 'box' }),
      handlers.search({ query: 'Lac*', limit: 20, client: 'box' }),
      handlers.search({ query: 'Lacin', limit: 20, client: 'box' }),
      handlers.search({ query: 'Xankendi', limit: 20, client: 'another window' }),
    ]);
    expect(first).toEqual({ results: [], warning: null, superseded: true });
    expect(second).toEqual({ results: [], warning: null, superseded: true });
    expect(third).toEqual(searchLibrary(db, 'Lacin'));
    expect(other).toEqual(searchLibrary(db, 'Xankendi'));
  });

  it('abandons a superseded query that runs too long, and a fresh worker answers the next', async () => {
    const impatient = createSearchWorkerHandlers(file, { abandonAfterMs: 0 });
    try {
      await impatient.search({ query: 'warm up', limit: 1 });
      const slow = impatient.search({ query: slowQuery(0), limit: 20, client: 'box' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const next = impatient.search({ query: 'Lacin', limit: 20, client: 'box' });
      expect(await slow).toMatchObject({ superseded: true });
      expect(await next).toEqual(searchLibrary(db, 'Lacin'));
    } finally {
      await impatient.close();
    }
  });

  it('closes: waiting queries come back superseded, later ones are refused', async () => {
    const closing = createSearchWorkerHandlers(file);
    const pending = closing.search({ query: slowQuery(0), limit: 20 });
    await closing.close();
    expect(await pending).toMatchObject({ superseded: true });
    await expect(closing.search({ query: 'Lacin', limit: 20 })).rejects.toThrow(/closed/);
  });

  it('says what went wrong when the library cannot be opened', async () => {
    const broken = createSearchWorkerHandlers(`${file}.missing`);
    try {
      await expect(broken.search({ query: 'Lacin', limit: 20 })).rejects.toThrow(/Search stopped unexpectedly/);
    } finally {
      await broken.close();
    }
  });
});
