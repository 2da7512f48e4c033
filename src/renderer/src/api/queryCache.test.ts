import { afterEach, describe, expect, it } from 'vitest';
import { clearQueryCache, invalidate, queryEntry, watchQuery } from './queryCache';

/** A loader that counts its calls and answers `value()` each time. */
function counted<T>(value: () => T) {
  const loader = { calls: 0, load: () => (loader.calls++, Promise.resolve(value())) };
  return loader;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => clearQueryCache());

describe('the query cache', () => {
  it('fetches a shown entry once however many watch it, and re-fetches only for changes it reads', async () => {
    const note7 = counted(() => 'note 7');
    const sources = counted(() => ['a', 'b']);
    const noteEntry = queryEntry('note:7', note7.load, { dependencies: [{ kind: 'notes', ids: [7] }] });
    const sourcesEntry = queryEntry('sources', sources.load, { dependencies: [{ kind: 'sources' }] });
    watchQuery('note:7', noteEntry, () => undefined);
    watchQuery('note:7', queryEntry('note:7', note7.load, { dependencies: [{ kind: 'notes', ids: [7] }] }), () => undefined);
    watchQuery('sources', sourcesEntry, () => undefined);
    await settle();
    expect([note7.calls, sources.calls]).toEqual([1, 1]);
    expect(noteEntry.snapshot).toEqual({ data: 'note 7', error: null, loading: false });

    invalidate([{ kind: 'notes', ids: [8] }]);
    invalidate([{ kind: 'highlights', ids: [7] }]);
    await settle();
    expect([note7.calls, sources.calls]).toEqual([1, 1]);

    invalidate([{ kind: 'notes', ids: [7, 9] }]);
    invalidate([{ kind: 'sources', ids: [3] }]);
    await settle();
    expect([note7.calls, sources.calls]).toEqual([2, 2]);

    invalidate([{ kind: 'library' }]);
    await settle();
    expect([note7.calls, sources.calls]).toEqual([3, 3]);
  });

  it('keeps the data while re-fetching, and drops an older answer that arrives after a newer one', async () => {
    const resolvers: ((value: string) => void)[] = [];
    const entry = queryEntry('slow', () => new Promise<string>((resolve) => resolvers.push(resolve)), { dependencies: [{ kind: 'sources' }] });
    watchQuery('slow', entry, () => undefined);
    resolvers[0]!('first');
    await settle();
    invalidate([{ kind: 'sources' }]);
    invalidate([{ kind: 'sources' }]);
    expect(entry.snapshot).toEqual({ data: 'first', error: null, loading: true });
    resolvers[2]!('third');
    await settle();
    resolvers[1]!('second');
    await settle();
    expect(entry.snapshot).toEqual({ data: 'third', error: null, loading: false });
  });

  it('drops an entry nobody shows when it goes stale, and fetches it afresh when shown again', async () => {
    const tags = counted(() => ['x']);
    const entry = queryEntry('tags', tags.load, { dependencies: [{ kind: 'tags' }] });
    const stop = watchQuery('tags', entry, () => undefined);
    await settle();
    stop();
    invalidate([{ kind: 'tags' }]);
    await settle();
    expect(tags.calls).toBe(1);
    const again = queryEntry('tags', tags.load, { dependencies: [{ kind: 'tags' }] });
    expect(again).not.toBe(entry);
    watchQuery('tags', again, () => undefined);
    await settle();
    expect(tags.calls).toBe(2);
  });

  it('computes dependencies from the data: a list depends on the items it shows', async () => {
    const backlinks = counted(() => [{ noteId: 4 }]);
    const entry = queryEntry('backlinks:1', backlinks.load, {
      dependencies: (data) => [{ kind: 'citations', ids: [1] }, { kind: 'notes', ids: (data ?? []).map((item) => item.noteId) }],
    });
    watchQuery('backlinks:1', entry, () => undefined);
    await settle();
    invalidate([{ kind: 'notes', ids: [5] }]);
    await settle();
    expect(backlinks.calls).toBe(1);
    invalidate([{ kind: 'notes', ids: [4] }]);
    await settle();
    expect(backlinks.calls).toBe(2);
  });

  it('asks again when a change heard while its answer was on the way concerns what the answer holds', async () => {
    // A note cites the source and is renamed before the list of citing notes has come back.
    let title = 'Untitled note';
    const answers: (() => void)[] = [];
    let calls = 0;
    const load = () => {
      calls++;
      const answer = [{ noteId: 4, title }];
      return new Promise<typeof answer>((resolve) => answers.push(() => resolve(answer)));
    };
    const entry = queryEntry('backlinks:2', load, {
      dependencies: (data) => [{ kind: 'citations', ids: [2] }, { kind: 'notes', ids: (data ?? []).map((item) => item.noteId) }],
    });
    watchQuery('backlinks:2', entry, () => undefined);
    title = 'Who decides';
    invalidate([{ kind: 'notes', ids: [4] }]);
    invalidate([{ kind: 'notes', ids: [9] }]);
    answers.shift()!();
    await settle();
    expect(calls).toBe(2);
    expect(entry.snapshot.loading).toBe(true);
    answers.shift()!();
    await settle();
    expect(entry.snapshot).toEqual({ data: [{ noteId: 4, title: 'Who decides' }], error: null, loading: false });
    // A change the answer does not hold asks nothing more.
    invalidate([{ kind: 'citations', ids: [2] }]);
    invalidate([{ kind: 'notes', ids: [9] }]);
    answers.shift()!();
    await settle();
    expect(calls).toBe(3);
    expect(entry.snapshot.loading).toBe(false);
  });
});
