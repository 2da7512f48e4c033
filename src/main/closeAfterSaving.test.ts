import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeAfterSaving } from './closeAfterSaving';

/** A window as Electron's would behave: close() emits 'close', and closes unless a listener prevents it. */
class FakeWindow extends EventEmitter {
  closed = false;
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('closeAfterSaving', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the window open until the page has saved, then closes it', async () => {
    const window = new FakeWindow();
    const save = deferred();
    const ask = vi.fn(() => save.promise);
    closeAfterSaving(window, ask, 2000);

    window.close();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(window.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(window.closed).toBe(false);

    save.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks once when closed again while saving', async () => {
    const window = new FakeWindow();
    const save = deferred();
    const ask = vi.fn(() => save.promise);
    closeAfterSaving(window, ask, 2000);

    window.close();
    window.close();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(window.closed).toBe(false);
    save.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(true);
  });

  it('closes after the timeout when the page never answers', async () => {
    const window = new FakeWindow();
    closeAfterSaving(window, () => new Promise<void>(() => undefined), 2000);

    window.close();
    await vi.advanceTimersByTimeAsync(1999);
    expect(window.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(window.closed).toBe(true);
  });

  it('closes when saving failed, and says so in the log', async () => {
    const window = new FakeWindow();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const save = deferred();
    closeAfterSaving(window, () => save.promise, 2000);

    window.close();
    save.reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(0);
    expect(window.closed).toBe(true);
    expect(log).toHaveBeenCalledWith('marginalia: saving before the window closed failed', expect.any(Error));
    log.mockRestore();
  });

  it('does not close a window that was destroyed meanwhile', async () => {
    const window = new FakeWindow();
    const close = vi.spyOn(window, 'close');
    const save = deferred();
    closeAfterSaving(window, () => save.promise, 2000);

    window.close();
    window.closed = true;
    save.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
