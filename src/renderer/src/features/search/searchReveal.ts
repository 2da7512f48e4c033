import { useSyncExternalStore } from 'react';
import type { SnippetSegment } from '../../../../shared/search/snippet';

/**
 * A source result asks the reader to show where it matched: `openSource(id)` then
 * `revealSearchMatch(id, segments)`. The reader of that source (SearchMatchReveal, mounted in
 * ReaderPage) finds the first marked word in its body, scrolls to it and marks it. The request
 * waits until that reader has the body, whichever happens first.
 */
export interface SearchRevealRequest {
  sourceId: number;
  segments: readonly SnippetSegment[];
  /** Tells two requests apart, so choosing the same result again scrolls again. */
  serial: number;
}

let pending: SearchRevealRequest | null = null;
let serial = 0;
const listeners = new Set<() => void>();

const emit = () => listeners.forEach((listener) => listener());

export function revealSearchMatch(sourceId: number, segments: readonly SnippetSegment[]): void {
  pending = { sourceId, segments, serial: ++serial };
  emit();
}

/** Called by the reader once it has acted on the request. */
export function takeSearchReveal(request: SearchRevealRequest): void {
  if (pending !== request) return;
  pending = null;
  emit();
}

export function useSearchRevealRequest(sourceId: number): SearchRevealRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (pending?.sourceId === sourceId ? pending : null),
  );
}
