/**
 * When the library last had a request, and a promise for its next lull: background work that
 * costs seconds of CPU (the daily backup reads and checks the whole file: about 5 s at 100,000
 * articles) waits until the windows have gone quiet, so it does not take a core from the first
 * minutes of work: opening the library, its first views, a search.
 */
export interface LullWatch {
  /** A request came (every handler call says so). */
  touch(): void;
  /**
   * Resolves once no request has come for `quietMs`, or `latestMs` after it was asked however
   * busy the windows are, or when the watch closes (the caller then finds its work cancelled).
   */
  lull(quietMs: number, latestMs: number): Promise<void>;
  close(): void;
}

export function createLullWatch(now: () => number = () => performance.now()): LullWatch {
  let last = now();
  let closed = false;
  const waiting = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  return {
    touch: () => {
      last = now();
    },
    lull: (quietMs, latestMs) =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        const deadline = now() + latestMs;
        const entry = { timer: undefined as unknown as ReturnType<typeof setTimeout>, resolve };
        const check = () => {
          const at = now();
          const quietFor = at - last;
          if (quietFor >= quietMs || at >= deadline) {
            waiting.delete(entry);
            resolve();
            return;
          }
          entry.timer = setTimeout(check, Math.min(quietMs - quietFor, deadline - at));
          // A lull being awaited never keeps the process alive on its own.
          entry.timer.unref?.();
        };
        waiting.add(entry);
        check();
      }),
    close: () => {
      closed = true;
      for (const entry of waiting) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      waiting.clear();
    },
  };
}

/** The handlers with every call stamped on `watch` (the call itself unchanged). */
export function touchingOnCall<T extends object>(handlers: T, watch: LullWatch): T {
  const touched: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    touched[name] =
      typeof handler === 'function'
        ? (...args: unknown[]) => {
            watch.touch();
            return (handler as (...a: unknown[]) => unknown)(...args);
          }
        : handler;
  }
  return touched as T;
}
