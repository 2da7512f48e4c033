import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLullWatch, touchingOnCall } from './lull';
import { createHandlers } from './handlers';
import { Library } from './library';

describe('the lull the daily backup waits for', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const watch = () => createLullWatch(() => Date.now());
  const settled = (promise: Promise<void>) => {
    const state = { done: false };
    void promise.then(() => (state.done = true));
    return state;
  };

  it('comes once nothing has been asked for the quiet time, counted from the last request', async () => {
    const lulls = watch();
    const lull = settled(lulls.lull(5000, 60_000));
    await vi.advanceTimersByTimeAsync(3000);
    lulls.touch();
    await vi.advanceTimersByTimeAsync(4000);
    expect(lull.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lull.done).toBe(true);
  });

  it('comes at the latest time however busy the windows are', async () => {
    const lulls = watch();
    const lull = settled(lulls.lull(5000, 20_000));
    for (let second = 0; second < 19; second++) {
      lulls.touch();
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(lull.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lull.done).toBe(true);
  });

  it('comes at once when the watch closes, and after it', async () => {
    const lulls = watch();
    lulls.touch();
    const lull = settled(lulls.lull(5000, 60_000));
    lulls.close();
    await Promise.resolve();
    expect(lull.done).toBe(true);
    const later = settled(lulls.lull(5000, 60_000));
    await Promise.resolve();
    expect(later.done).toBe(true);
  });

  it('is not quiet while a request is running, however long, and the quiet time counts from its answer', async () => {
    const lulls = watch();
    let answer: (value: string) => void = () => undefined;
    const handlers = touchingOnCall({ importFiles: () => new Promise<string>((resolve) => (answer = resolve)) }, lulls);
    const lull = settled(lulls.lull(5000, 60_000));
    const imported = handlers.importFiles();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(lull.done).toBe(false);
    answer('done');
    expect(await imported).toBe('done');
    await vi.advanceTimersByTimeAsync(4000);
    expect(lull.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lull.done).toBe(true);
  });

  it('ends a failed request as it ends an answered one, and passes its error on', async () => {
    const lulls = watch();
    const handlers = touchingOnCall(
      {
        fails: () => {
          throw new Error('no such source');
        },
        rejects: () => Promise.reject(new Error('not saved')),
      },
      lulls,
    );
    expect(() => handlers.fails()).toThrow('no such source');
    await expect(handlers.rejects()).rejects.toThrow('not saved');
    const lull = settled(lulls.lull(5000, 60_000));
    await vi.advanceTimersByTimeAsync(5000);
    expect(lull.done).toBe(true);
  });

  it('stamps every call of the handlers and leaves what they return alone', async () => {
    const lulls = watch();
    const handlers = touchingOnCall({ add: (a: number, b: number) => a + b, name: 'x' }, lulls);
    const lull = settled(lulls.lull(5000, 60_000));
    await vi.advanceTimersByTimeAsync(4000);
    expect(handlers.add(2, 3)).toBe(5);
    expect(handlers.name).toBe('x');
    await vi.advanceTimersByTimeAsync(4000);
    expect(lull.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(lull.done).toBe(true);
  });
});

describe("a library's handlers", () => {
  afterEach(() => vi.useRealTimers());

  it('wait for a lull in their requests, and end the wait when they close', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-lull-'));
    const library = Library.open(path.join(folder, 'library.sqlite'));
    // The clock the handlers read is faked, so a loaded machine's late timers cannot make a lull.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const handlers = createHandlers(library);
    try {
      let done = false;
      const waiting = handlers.lull(5000, 60_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(4000);
      // A request restarts the quiet time.
      handlers.libraryInfo({});
      await vi.advanceTimersByTimeAsync(4000);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(done).toBe(true);
      // Quiet already: a lull asked now comes at once; after a request, not before the quiet time.
      await handlers.lull(5000, 60_000);
      handlers.libraryInfo({});
      let second = false;
      const again = handlers.lull(5000, 60_000).then(() => (second = true));
      await vi.advanceTimersByTimeAsync(1000);
      expect(second).toBe(false);
      vi.useRealTimers();
      await handlers.close();
      await again;
      expect(second).toBe(true);
      await waiting;
    } finally {
      vi.useRealTimers();
      library.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
