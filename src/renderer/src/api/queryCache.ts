import type { Change, Dependency } from '../../../shared/api/changes';
import { affectsAny } from '../../../shared/api/changes';

/**
 * The window's one keyed query cache (issue 12): key -> data, each entry with the dependencies
 * (kind, optional ids) it reads. A change, from this window's mutation (src/renderer/src/api/mutate.ts)
 * or from another window's `libraryChanged` event, re-fetches the entries it affects that are on
 * screen and drops the rest; nothing else is re-fetched.
 *
 * Written by hand rather than taken from TanStack Query: what we need is invalidation by
 * (kind, ids) declared in the contract, which TanStack would need a key-mapping layer for, plus
 * keep-while-refetching and one request per key; that is this file. Actual Budget's LiveQuery is the model.
 */

export interface QueryOptions<T> {
  /** What the data reads; may depend on the data itself (a list of notes depends on those notes). */
  dependencies: readonly Dependency[] | ((data: T | undefined) => readonly Dependency[]);
  /** Combine the old data with a fresh answer (e.g. keep unchanged items' identity). */
  merge?: (previous: T | undefined, next: T) => T;
  /** How long the entry stays once nobody shows it (pages of a long list: briefly). */
  keepUnusedMs?: number;
}

export interface QuerySnapshot<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
}

interface Entry<T> {
  load: () => Promise<T>;
  options: QueryOptions<T>;
  snapshot: QuerySnapshot<T>;
  /** Requests sent; an answer older than the newest is dropped. */
  ticket: number;
  listeners: Set<() => void>;
  /** Fetched since the last change that affected it. */
  fresh: boolean;
  /**
   * Changes heard while a fetch was out that the data then held did not read: dependencies that
   * depend on the data (the notes a list shows) may read them once the answer is in, and the answer
   * may have been made before them. Checked against the answer's dependencies when it lands.
   */
  unread: Change[];
  evictTimer: ReturnType<typeof setTimeout> | undefined;
}

/** An entry nobody shows is kept this long (going back to the library shows it at once), then dropped. */
const KEEP_UNUSED_MS = 30_000;

const entries = new Map<string, Entry<unknown>>();
const changeListeners = new Set<(changes: readonly Change[]) => void>();

function setSnapshot<T>(entry: Entry<T>, next: QuerySnapshot<T>): void {
  entry.snapshot = next;
  for (const listener of entry.listeners) listener();
}

function fetchEntry<T>(entry: Entry<T>): void {
  const ticket = ++entry.ticket;
  entry.fresh = true;
  entry.unread = [];
  if (!entry.snapshot.loading) setSnapshot(entry, { ...entry.snapshot, loading: true });
  entry.load().then(
    (data) => {
      if (ticket !== entry.ticket) return;
      const merged = entry.options.merge ? entry.options.merge(entry.snapshot.data, data) : data;
      const unread = entry.unread;
      entry.unread = [];
      // A note added to a list and renamed before the list's answer came: the answer may hold the old name.
      if (unread.length > 0 && typeof entry.options.dependencies === 'function' && affectsAny(unread, entry.options.dependencies(merged))) {
        setSnapshot(entry, { data: merged, error: null, loading: true });
        fetchEntry(entry);
        return;
      }
      setSnapshot(entry, { data: merged, error: null, loading: false });
    },
    (error: unknown) => {
      if (ticket !== entry.ticket) return;
      setSnapshot(entry, { data: entry.snapshot.data, error: error instanceof Error ? error : new Error(String(error)), loading: false });
    },
  );
}

function dependenciesOf<T>(entry: Entry<T>): readonly Dependency[] {
  const { dependencies } = entry.options;
  return typeof dependencies === 'function' ? dependencies(entry.snapshot.data) : dependencies;
}

/** The entry for `key`, created (not yet fetched) with `load` when new; `load` is refreshed for later fetches. */
export function queryEntry<T>(key: string, load: () => Promise<T>, options: QueryOptions<T>): Entry<T> {
  let entry = entries.get(key) as Entry<T> | undefined;
  if (!entry) {
    entry = { load, options, snapshot: { data: undefined, error: null, loading: true }, ticket: 0, listeners: new Set(), fresh: false, unread: [], evictTimer: undefined };
    entries.set(key, entry as Entry<unknown>);
  }
  entry.load = load;
  entry.options = options;
  return entry;
}

/** Subscribes to an entry and fetches it when it is not fresh. */
export function watchQuery<T>(key: string, entry: Entry<T>, listener: () => void): () => void {
  clearTimeout(entry.evictTimer);
  // Dropped between render and subscribe (a change, or time): it is shown again, so it is back.
  if (!entries.has(key)) entries.set(key, entry as Entry<unknown>);
  entry.listeners.add(listener);
  if (!entry.fresh) fetchEntry(entry);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      entry.evictTimer = setTimeout(() => {
        if (entry.listeners.size === 0 && entries.get(key) === entry) entries.delete(key);
      }, entry.options.keepUnusedMs ?? KEEP_UNUSED_MS);
    }
  };
}

/**
 * Fetches an entry nobody shows yet, so that its answer is on the way before the component that
 * shows it has rendered (the library's first page, asked for as the window starts); it is dropped
 * like any unshown entry if nobody comes to show it.
 */
export function prefetchQuery<T>(key: string, load: () => Promise<T>, options: QueryOptions<T>): void {
  const entry = queryEntry(key, load, options);
  if (entry.fresh || entry.listeners.size > 0) return;
  fetchEntry(entry);
  clearTimeout(entry.evictTimer);
  entry.evictTimer = setTimeout(() => {
    if (entry.listeners.size === 0 && entries.get(key) === entry) entries.delete(key);
  }, entry.options.keepUnusedMs ?? KEEP_UNUSED_MS);
}

/** What the cache holds for `key` now, if anything (a page of a list reads the page before it). */
export function peekQuery<T>(key: string): QuerySnapshot<T> | undefined {
  return (entries.get(key) as Entry<T> | undefined)?.snapshot;
}

export function refetchQuery(key: string): void {
  const entry = entries.get(key);
  if (entry) fetchEntry(entry);
}

/** Puts data the library just returned in place at once (the re-fetch the change causes may follow). */
export function setQueryData<T>(key: string, update: (previous: T | undefined) => T | undefined): void {
  const entry = entries.get(key) as Entry<T> | undefined;
  if (!entry) return;
  setSnapshot(entry, { ...entry.snapshot, data: update(entry.snapshot.data) });
}

/**
 * The library changed: every entry reading what changed is re-fetched if shown, dropped if not;
 * then listeners of raw changes (the search box) hear it.
 */
export function invalidate(changes: readonly Change[]): void {
  if (changes.length === 0) return;
  for (const [key, entry] of entries) {
    if (!affectsAny(changes, dependenciesOf(entry))) {
      if (entry.snapshot.loading && entry.fresh) entry.unread.push(...changes);
      continue;
    }
    if (entry.listeners.size > 0) fetchEntry(entry);
    else {
      entry.fresh = false;
      entries.delete(key);
    }
  }
  for (const listener of changeListeners) listener(changes);
}

export function onChanges(listener: (changes: readonly Change[]) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** For tests: forget everything. */
export function clearQueryCache(): void {
  entries.clear();
}
