import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askAtMostEvery } from './askAtMostEvery';

describe('askAtMostEvery ("Cited in" while a note citing the source is typed in)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks at once the first time, then at most once a second for saves every 100 ms, and the last answer comes within the second', async () => {
    let version = 0;
    const asked: number[] = [];
    const ask = vi.fn(async (sourceId: number) => {
      asked.push(Date.now());
      return `source ${sourceId}, list ${version}`;
    });
    const askThrottled = askAtMostEvery(1000, ask, () => Date.now());
    const start = Date.now();
    expect(await askThrottled(7)).toBe('source 7, list 0');

    // Three seconds of saves, each a change that re-asks; the list changes at the last one.
    const answers: Promise<string>[] = [];
    for (let save = 1; save <= 30; save += 1) {
      await vi.advanceTimersByTimeAsync(100);
      if (save === 30) version = 1;
      answers.push(askThrottled(7));
    }
    const last = answers.at(-1)!;
    let lastAnswer: string | undefined;
    void last.then((answer) => (lastAnswer = answer));
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastAnswer).toBe('source 7, list 1');
    // 31 requests without it; one a second with it (the last save, at 3 s, just after the request then, is asked at 4 s).
    expect(asked.map((at) => at - start)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('keeps each key to itself', async () => {
    const ask = vi.fn(async (key: string) => key);
    const askThrottled = askAtMostEvery(1000, ask, () => Date.now());
    await askThrottled('a');
    await askThrottled('b');
    expect(ask).toHaveBeenCalledTimes(2);
  });
});
