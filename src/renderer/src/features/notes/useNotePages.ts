import { useEffect, useReducer } from 'react';
import type { NoteSummary } from '../../../../shared/domain/note';
import { api } from '../../api/client';
import type { QueryOptions } from '../../api/queryCache';
import { peekQuery, queryEntry, refetchQuery, watchQuery } from '../../api/queryCache';

/** Notes per request (the library's NOTE_PAGE_SIZE): more than a list of VIRTUALIZE_FROM rows, so a short list is one page. */
export const NOTE_PAGE_SIZE = 200;

interface NotePage {
  notes: NoteSummary[];
  total: number;
}

const pageKey = (index: number) => JSON.stringify(['notePage', index]);
const loadPage = (index: number) => () => api.listNotePage({ offset: index * NOTE_PAGE_SIZE, limit: NOTE_PAGE_SIZE });
// Any note change may move rows between pages (the list is by last edit), so every shown page re-fetches.
const PAGE_OPTIONS: QueryOptions<NotePage> = { dependencies: [{ kind: 'notes' }], keepUnusedMs: 3000 };

export interface NotePages {
  /** The note at `index`, once its page is here. */
  rowAt(index: number): NoteSummary | undefined;
  /** Live notes; null until the first page answers. */
  total: number | null;
  error: Error | null;
  retry: () => void;
}

/**
 * The pages of the notes list that rows `first`..`last` fall in (issue 13: 10,000 notes), each one
 * entry of the window's query cache, as the library list reads its rows. Page 0 is always kept,
 * for the count.
 */
export function useNotePages(first: number, last: number): NotePages {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const firstPage = Math.floor(Math.max(0, first) / NOTE_PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / NOTE_PAGE_SIZE));
  useEffect(() => {
    const indices = new Set([0]);
    for (let index = firstPage; index <= lastPage; index++) indices.add(index);
    const stops = [...indices].map((index) => watchQuery(pageKey(index), queryEntry(pageKey(index), loadPage(index), PAGE_OPTIONS), rerender));
    rerender();
    return () => stops.forEach((stop) => stop());
  }, [firstPage, lastPage]);
  const head = peekQuery<NotePage>(pageKey(0));
  let error = head?.error ?? null;
  for (let index = firstPage; index <= lastPage; index++) error ??= peekQuery<NotePage>(pageKey(index))?.error ?? null;
  return {
    rowAt: (index) => peekQuery<NotePage>(pageKey(Math.floor(index / NOTE_PAGE_SIZE)))?.data?.notes[index % NOTE_PAGE_SIZE],
    total: head?.data?.total ?? null,
    error,
    retry: () => {
      for (let index = firstPage; index <= lastPage; index++) refetchQuery(pageKey(index));
      refetchQuery(pageKey(0));
    },
  };
}
