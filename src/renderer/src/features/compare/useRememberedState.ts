import { useCallback, useState } from 'react';

/** What the main views were showing, for as long as the window is open. */
const remembered = new Map<string, unknown>();

/** What `key` holds now (as useRememberedState would start with), for code that asks ahead of the view. */
export function rememberedValue<T>(key: string, initial: T): T {
  return remembered.has(key) ? (remembered.get(key) as T) : initial;
}

/**
 * useState that outlives its view: Passages, Compare and Timeline are unmounted while the reader
 * is open over them, and Back (or the view's tab) should find the range, sort or columns as they were.
 */
export function useRememberedState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => rememberedValue(key, initial));
  const set = useCallback(
    (next: T) => {
      remembered.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
