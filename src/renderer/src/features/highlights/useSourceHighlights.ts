import { useEffect, useSyncExternalStore } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { api } from '../../api/client';
import { useLibraryVersion } from '../../api/libraryEvents';

/**
 * A source's highlights, shared by the article (which paints them) and the panel (which lists
 * them): one request per library change however many components ask, and a mutation's answer
 * applied at once (`replaceHighlight`) instead of waiting for the re-fetch it triggers.
 */
interface Entry {
  highlights: Highlight[] | undefined;
  error: Error | null;
  /** The library version of the newest request sent; answers to older ones are dropped. */
  requested: number;
  listeners: Set<() => void>;
}

const entries = new Map<number, Entry>();

function entryFor(sourceId: number): Entry {
  let entry = entries.get(sourceId);
  if (!entry) entries.set(sourceId, (entry = { highlights: undefined, error: null, requested: -1, listeners: new Set() }));
  return entry;
}

function update(sourceId: number, change: Partial<Pick<Entry, 'highlights' | 'error'>>): void {
  const entry = entryFor(sourceId);
  // A new object, so useSyncExternalStore sees the change.
  const next = { ...entry, ...change };
  entries.set(sourceId, next);
  for (const listener of entry.listeners) listener();
}

function load(sourceId: number, version: number, force = false): void {
  const entry = entryFor(sourceId);
  if (!force && entry.requested >= version) return;
  entry.requested = version;
  api.listHighlights({ sourceId }).then(
    (highlights) => {
      if (entries.get(sourceId)?.requested !== version) return;
      performance.mark(HIGHLIGHTS_RECEIVED);
      update(sourceId, { highlights: keepUnchanged(entryFor(sourceId).highlights, highlights), error: null });
    },
    (error: unknown) => entries.get(sourceId)?.requested === version && update(sourceId, { error: error instanceof Error ? error : new Error(String(error)) }),
  );
}

/** Marked when a list arrives: the painting measure starts here (useHighlightPainting.ts). */
export const HIGHLIGHTS_RECEIVED = 'marginalia:highlights-received';

const sameHighlight = (a: Highlight, b: Highlight) =>
  a.updatedAt === b.updatedAt && a.start === b.start && a.end === b.end && a.color === b.color && a.comment === b.comment && a.orphaned === b.orphaned && a.exact === b.exact && a.tags.join('\n') === b.tags.join('\n');

/**
 * The new list, reusing the previous objects of highlights that did not change: every mutation
 * re-fetches the list, and unchanged items (memoised by identity) then need not render again.
 */
function keepUnchanged(previous: readonly Highlight[] | undefined, next: Highlight[]): Highlight[] {
  if (!previous) return next;
  const byId = new Map(previous.map((highlight) => [highlight.id, highlight]));
  return next.map((highlight) => {
    const old = byId.get(highlight.id);
    return old && sameHighlight(old, highlight) ? old : highlight;
  });
}

/** Puts a highlight the library just returned in place (or adds it), keeping document order. */
export function replaceHighlight(highlight: Highlight): void {
  const current = entryFor(highlight.sourceId).highlights ?? [];
  const others = current.filter((item) => item.id !== highlight.id);
  update(highlight.sourceId, { highlights: [...others, highlight].sort(documentOrder) });
}

export function removeHighlightLocally(highlight: Highlight): void {
  const current = entryFor(highlight.sourceId).highlights ?? [];
  update(highlight.sourceId, { highlights: current.filter((item) => item.id !== highlight.id) });
}

/** The library's order: by position, orphans last. */
export function documentOrder(a: Highlight, b: Highlight): number {
  return Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || a.end - b.end || a.id - b.id;
}

export interface SourceHighlights {
  highlights: Highlight[] | undefined;
  error: Error | null;
  retry: () => void;
}

export function useSourceHighlights(sourceId: number): SourceHighlights {
  const version = useLibraryVersion();
  useEffect(() => load(sourceId, version), [sourceId, version]);
  const entry = useSyncExternalStore(
    (listener) => {
      const listeners = entryFor(sourceId).listeners;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => entryFor(sourceId),
  );
  return { highlights: entry.highlights, error: entry.error, retry: () => load(sourceId, version, true) };
}
