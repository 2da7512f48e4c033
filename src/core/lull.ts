/**
 * When the library last had a request, and a promise for its next lull: background work that
 * costs seconds of CPU (the daily backup reads and checks the whole file: about 5 s at 100,000
 * articles) waits until the windows have gone quiet, so it does not take a core from the first
 * minutes of work: opening the library, its first views, a search.
 */
export interface LullWatch {
  /** A request came and went at once. */
  touch(): void;
  /**
   * A request began (every handler call says so): until the returned function is called (when its
   * answer is ready), the library is not quiet, however long it takes (an import of minutes).
   */
  begin(): () => void;
  /**
   * Resolves once no request has been running or come for `quietMs`, or `latestMs` after it was asked however
   * busy the windows are, or when the watch closes (the caller then finds its work cancelled).
   */
  lull(quietMs: number, latestMs: number): Promise<void>;
  close(): void;
}

export function createLullWatch(now: () => number = () => performance.now()): LullWatch {
  let last = now();
  let running = 0;
  let closed = false;
  const waiting = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  return {
    touch: () => {
      last = now();
    },
    begin: () => {
      running += 1;
      last = now();
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        running -= 1;
        last = now();
      };
    },
    lull: (quietMs, latestMs) =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        const deadline = now() + latestMs;
        const entry = { timer: undefined as unknown as ReturnType<typeof setTimeout>, resolve };
        const check = () => {
          const at = now();
          const quietFor = running > 0 ? 0 : at - last;
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

/** The handlers with every call, from its start to its answer, kept on `watch` (the call itself unchanged). */
export function touchingOnCall<T extends object>(handlers: T, watch: LullWatch): T {
  const touched: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    touched[name] =
      typeof handler === 'function'
        ? (...args: unknown[]) => {
            const end = watch.begin();
            let result: unknown;
            try {
              result = (handler as (...a: unknown[]) => unknown)(...args);
            } catch (error) {
              end();
              throw error;
            }
            // The caller still gets the answer (or the rejection) as it was; this only notes when it came.
            if (result instanceof Promise) result.then(end, end);
            else end();
            return result;
          }
        : handler;
  }
  return touched as T;
}
