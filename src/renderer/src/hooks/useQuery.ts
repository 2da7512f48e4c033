import { useCallback, useSyncExternalStore } from 'react';
import type { QueryOptions } from '../api/queryCache';
import { queryEntry, refetchQuery, watchQuery } from '../api/queryCache';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  retry: () => void;
}

/**
 * The entry `key` of the window's query cache (src/renderer/src/api/queryCache.ts): fetched when
 * first shown, re-fetched only when a change affects its `dependencies`. One request per key
 * however many components show it; the previous data stays while re-fetching (no flicker).
 * The browser host and the library process answer one request at a time, in the order sent,
 * except Related coverage, which is computed in slices with other requests answered between them.
 * With `enabled` false it is neither fetched nor watched yet (what it holds is shown, if anything).
 */
export function useQuery<T>(key: string, load: () => Promise<T>, options: QueryOptions<T> & { enabled?: boolean }): QueryState<T> {
  const entry = queryEntry(key, load, options);
  // `enabled: false` waits (loading, nothing sent): a view whose first rows must not queue behind it.
  const enabled = options.enabled ?? true;
  const snapshot = useSyncExternalStore(
    useCallback((listener: () => void) => (enabled ? watchQuery(key, entry, listener) : () => undefined), [key, entry, enabled]),
    () => entry.snapshot,
  );
  const retry = useCallback(() => refetchQuery(key), [key]);
  return { data: snapshot.data, error: snapshot.error, loading: snapshot.loading, retry };
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
