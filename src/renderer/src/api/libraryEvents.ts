import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { LibraryEvent } from '../../../shared/api/contract';
import { onLibraryEvent } from './client';

type Listener = (event: LibraryEvent) => void;

const listeners = new Set<Listener>();
let unsubscribeTransport: (() => void) | null = null;
let version = 0;
const versionListeners = new Set<() => void>();

function bumpVersion(): void {
  version += 1;
  for (const listener of versionListeners) listener();
}

/**
 * One transport subscription for the whole window, fanned out to every listener: in browser mode
 * each subscription is an EventSource, and a handful of components must not open a handful.
 */
function ensureSubscribed(): void {
  if (unsubscribeTransport) return;
  unsubscribeTransport = onLibraryEvent((event) => {
    if (event.type === 'libraryChanged') bumpVersion();
    for (const listener of listeners) listener(event);
  });
}

export function subscribeLibraryEvents(listener: Listener): () => void {
  ensureSubscribed();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `listener` for every library event while the component is mounted. */
export function useLibraryEvent(listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribeLibraryEvents((event) => latest.current(event)), []);
}

/**
 * Marks the library as changed by this window. The transport also sends `libraryChanged` for every
 * mutation; refreshing at once as well means the UI never waits on (or depends on) the event stream.
 */
export function markLibraryChanged(): void {
  bumpVersion();
}

/** A number that grows whenever the library changes: put it in a query's dependencies to re-fetch. */
export function useLibraryVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      ensureSubscribed();
      versionListeners.add(listener);
      return () => versionListeners.delete(listener);
    },
    () => version,
  );
}
