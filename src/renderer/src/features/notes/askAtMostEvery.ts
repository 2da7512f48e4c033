/**
 * `ask` made to run at most once every `everyMs` per key: at once if the key was not asked in the
 * last `everyMs`, otherwise once when that time is up, for every call meanwhile (they all get that
 * answer, which is at least as new as each of them asked for).
 */
export function askAtMostEvery<K, T>(everyMs: number, ask: (key: K) => Promise<T>, now: () => number = () => performance.now()): (key: K) => Promise<T> {
  const asked = new Map<K, { at: number; next: Promise<T> | null }>();
  return (key) => {
    let state = asked.get(key);
    if (!state) asked.set(key, (state = { at: -Infinity, next: null }));
    if (state.next) return state.next;
    const current = state;
    const wait = current.at + everyMs - now();
    current.next = (wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve()).then(() => {
      current.at = now();
      current.next = null;
      return ask(key);
    });
    return current.next;
  };
}
