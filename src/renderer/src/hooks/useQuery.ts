import { useCallback, useEffect, useState } from 'react';
import { useLibraryVersion } from '../api/libraryEvents';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  retry: () => void;
}

/**
 * Runs `load` when `key` changes and whenever the library changes. Keeps the previous data while
 * re-fetching (no flicker on every edit) and drops answers that arrive after a newer request.
 */
export function useQuery<T>(key: string, load: () => Promise<T>): QueryState<T> {
  const version = useLibraryVersion();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; data: T | undefined; error: Error | null; loading: boolean }>({
    key,
    data: undefined,
    error: null,
    loading: true,
  });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error: null, loading: true }));
    load().then(
      (data) => current && setState({ key, data, error: null, loading: false }),
      (error: unknown) => current && setState((previous) => ({ ...previous, error: toError(error), loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` names everything it depends on.
  }, [key, version, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const stale = state.key !== key;
  return { data: stale ? undefined : state.data, error: stale ? null : state.error, loading: stale || state.loading, retry };
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
