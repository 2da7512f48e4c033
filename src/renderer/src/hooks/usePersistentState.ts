import { useCallback, useState } from 'react';

/** A stored "true" or "false"; anything else is unknown (usePersistentState then takes its initial value). */
export const parseBoolean = (stored: string): boolean | undefined => (stored === 'true' ? true : stored === 'false' ? false : undefined);

/**
 * State remembered across launches in localStorage (a view preference, never library data).
 * `parse` validates what was stored: an unknown value falls back to `initial`; `serialize` writes it (String by default).
 */
export function usePersistentState<T>(key: string, initial: T, parse: (stored: string) => T | undefined, serialize: (value: T) => string = String): [T, (value: T) => void] {
  const storageKey = `marginalia.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return (stored === null ? undefined : parse(stored)) ?? initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(storageKey, serialize(next));
      } catch {
        // Storage may be disabled; the preference then lasts for this session only.
      }
    },
    [storageKey, serialize],
  );
  return [value, update];
}
