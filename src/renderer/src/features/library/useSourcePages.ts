import { useEffect, useReducer } from 'react';
import type { SourceSummary } from '../../../../shared/domain/source';
import type { SourcePage } from '../../../../shared/domain/sourceList';
import { api } from '../../api/client';
import type { QueryOptions } from '../../api/queryCache';
import { peekQuery, prefetchQuery, queryEntry, refetchQuery, watchQuery } from '../../api/queryCache';
import type { LibraryQuery } from './libraryQuery';
import { filterOf } from './libraryQuery';

/** Rows per request: a screenful many times over, small enough to answer in a few milliseconds at 100,000. */
export const SOURCE_PAGE_SIZE = 200;

const pageKey = (query: LibraryQuery, index: number) => JSON.stringify(['sources', query, index]);

/**
 * Page `index` of the list: by keyset after the page before when that page is here and fresh (the
 * common case, scrolling down), else by offset (a jump, or every shown page re-fetched at once
 * after a change, so each gets the rows now at its place).
 */
function loadPage(query: LibraryQuery, index: number): () => Promise<SourcePage> {
  return () => {
    const request = { ...filterOf(query), sort: query.sort, direction: query.direction, limit: SOURCE_PAGE_SIZE };
    const previous = index > 0 ? peekQuery<SourcePage>(pageKey(query, index - 1)) : undefined;
    const after = previous && !previous.loading && previous.data ? previous.data.next : null;
    return api.listSources(after ? { ...request, after } : { ...request, offset: index * SOURCE_PAGE_SIZE });
  };
}

// Pages scrolled past are let go within seconds: flinging through 100,000 rows must not keep them all.
const PAGE_OPTIONS: QueryOptions<SourcePage> = { dependencies: [{ kind: 'sources' }], keepUnusedMs: 3000 };
// A list of one collection changes, too, when sources join or leave it.
const COLLECTION_PAGE_OPTIONS: QueryOptions<SourcePage> = { dependencies: [{ kind: 'sources' }, { kind: 'collections' }], keepUnusedMs: 3000 };

export interface SourcePages {
  /** The row at `index`, once its page is here. */
  rowAt(index: number): SourceSummary | undefined;
  /** Sources matching the filter, and in the library; null until the first page answers. */
  total: number | null;
  libraryTotal: number | null;
  loading: boolean;
  error: Error | null;
  retry: () => void;
}

/**
 * The pages of the library list that rows `first`..`last` (what the table shows, with overscan)
 * fall in, from the window's query cache: each page one entry, re-fetched when sources change.
 * Page 0 is always kept, for the counts.
 */
export function useSourcePages(query: LibraryQuery, first: number, last: number): SourcePages {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const firstPage = Math.floor(Math.max(0, first) / SOURCE_PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / SOURCE_PAGE_SIZE));
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const indices = new Set([0]);
    for (let index = firstPage; index <= lastPage; index++) indices.add(index);
    const stops = [...indices].map((index) => {
      const key = pageKey(query, index);
      return watchQuery(key, queryEntry(key, loadPage(query, index), query.collection === null ? PAGE_OPTIONS : COLLECTION_PAGE_OPTIONS), rerender);
    });
    rerender();
    return () => stops.forEach((stop) => stop());
    // `queryKey` stands for `query`: a query equal by value is the same query, though a new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `query` is compared through `queryKey`
  }, [queryKey, firstPage, lastPage]);

  const head = peekQuery<SourcePage>(pageKey(query, 0));
  // The pages either side of those shown are asked for as soon as the shown ones are here (the
  // next one by keyset, after them): scrolling on, its rows are drawn at once, not empty until their
  // page comes. Flinging through 10,000 rows outran the pages asked for only when reached: half the
  // frames showed rows drawn empty. Asked for ahead, not watched: dropped like any page let go.
  const total = head?.data?.total ?? null;
  const lastHere = peekQuery<SourcePage>(pageKey(query, lastPage))?.data !== undefined;
  const firstHere = peekQuery<SourcePage>(pageKey(query, firstPage))?.data !== undefined;
  useEffect(() => {
    const options = query.collection === null ? PAGE_OPTIONS : COLLECTION_PAGE_OPTIONS;
    if (lastHere && total !== null && (lastPage + 1) * SOURCE_PAGE_SIZE < total) prefetchQuery(pageKey(query, lastPage + 1), loadPage(query, lastPage + 1), options);
    if (firstHere && firstPage > 0) prefetchQuery(pageKey(query, firstPage - 1), loadPage(query, firstPage - 1), options);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `query` is compared through `queryKey`
  }, [queryKey, firstPage, lastPage, firstHere, lastHere, total]);

  let loading = head?.loading ?? true;
  let error = head?.error ?? null;
  for (let index = firstPage; index <= lastPage; index++) {
    const page = peekQuery<SourcePage>(pageKey(query, index));
    loading ||= page?.loading ?? true;
    error ??= page?.error ?? null;
  }
  return {
    rowAt: (index: number) => peekQuery<SourcePage>(pageKey(query, Math.floor(index / SOURCE_PAGE_SIZE)))?.data?.sources[index % SOURCE_PAGE_SIZE],
    total,
    libraryTotal: head?.data?.libraryTotal ?? null,
    loading,
    error,
    retry: () => {
      for (let index = firstPage; index <= lastPage; index++) refetchQuery(pageKey(query, index));
      refetchQuery(pageKey(query, 0));
    },
  };
}

/**
 * Asks for the first page of `query` now: called as the app first renders, so the request leaves
 * before the rest of the window has rendered and before its other requests (the host answers them
 * in order), and the list's first rows paint as soon as they can.
 */
export function prefetchFirstPage(query: LibraryQuery): void {
  const key = pageKey(query, 0);
  prefetchQuery(key, loadPage(query, 0), query.collection === null ? PAGE_OPTIONS : COLLECTION_PAGE_OPTIONS);
}

/** The ids of rows `from`..`to` (a Shift+click range), fetching the pages not here yet. */
export async function idsInRange(query: LibraryQuery, from: number, to: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = Math.floor(from / SOURCE_PAGE_SIZE); page <= Math.floor(to / SOURCE_PAGE_SIZE); page++) {
    const rows = peekQuery<SourcePage>(pageKey(query, page))?.data?.sources ?? (await loadPage(query, page)()).sources;
    rows.forEach((row, offset) => {
      const index = page * SOURCE_PAGE_SIZE + offset;
      if (index >= from && index <= to) ids.push(row.id);
    });
  }
  return ids;
}
