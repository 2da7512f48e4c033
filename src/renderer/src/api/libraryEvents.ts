import { useEffect, useRef } from 'react';
import type { LibraryEvent } from '../../../shared/api/contract';
import { onLibraryEvent } from './client';

type Listener = (event: LibraryEvent) => void;

const listeners = new Set<Listener>();
let unsubscribeTransport: (() => void) | null = null;

/**
 * One transport subscription for the whole window, fanned out to every listener: in browser mode
 * each subscription is an EventSource, and a handful of components must not open a handful.
 * `libraryChanged` is applied to the query cache by src/renderer/src/api/mutate.ts.
 */
function ensureSubscribed(): void {
  if (unsubscribeTransport) return;
  unsubscribeTransport = onLibraryEvent((event) => {
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
