import type { Highlight } from '../../../../shared/domain/highlight';
import { api } from '../../api/client';
import { setQueryData } from '../../api/queryCache';
import { useQuery } from '../../hooks/useQuery';

/**
 * A source's highlights, shared by the article (which paints them) and the panel (which lists
 * them): one entry of the query cache, re-fetched only when that source's highlights change, and
 * a mutation's answer applied at once (`replaceHighlight`) instead of waiting for the re-fetch.
 */
const keyOf = (sourceId: number) => `highlights:${sourceId}`;

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
  setQueryData<Highlight[]>(keyOf(highlight.sourceId), (current) => [...(current ?? []).filter((item) => item.id !== highlight.id), highlight].sort(documentOrder));
}

export function removeHighlightLocally(highlight: Highlight): void {
  setQueryData<Highlight[]>(keyOf(highlight.sourceId), (current) => current?.filter((item) => item.id !== highlight.id));
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

const load = (sourceId: number) => async () => {
  const highlights = await api.listHighlights({ sourceId });
  performance.mark(HIGHLIGHTS_RECEIVED);
  return highlights;
};

export function useSourceHighlights(sourceId: number): SourceHighlights {
  const { data, error, retry } = useQuery(keyOf(sourceId), load(sourceId), { dependencies: [{ kind: 'highlights', ids: [sourceId] }], merge: keepUnchanged });
  return { highlights: data, error, retry };
}
