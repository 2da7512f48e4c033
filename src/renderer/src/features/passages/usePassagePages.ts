import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Passage, PassageFilter, PassageSort } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { PASSAGES_READ } from '../compare/compareDependencies';

const PAGE = 200;
/** The first page is what a window shows with room to scroll: a quarter of a page to send, parse and render before the rows paint. */
const FIRST_PAGE = 50;
/** One empty list, so the rows stay the same array until a page arrives. */
const NO_MORE: Passage[] = [];

export interface PassagePages {
  passages: Passage[];
  /** Every match, counted after the first page arrives; null until then. */
  total: number | null;
  /** The first page (or its error) has arrived: the filters' choices may be asked for now. */
  loaded: boolean;
  loading: boolean;
  error: Error | null;
  retry: () => void;
  /** Asks for the next page (when the table scrolls near the end); ignored while one is on its way. */
  loadMore: () => void;
  hasMore: boolean;
  /** Every remaining page, for exporting all the rows. */
  loadAll: () => Promise<Passage[]>;
}

/**
 * Passages matching a filter, page by page (keyset cursors from listPassages). The first page is
 * a useQuery, so it is fetched again when the library changes; later pages then start over.
 */
export function usePassagePages(filter: PassageFilter, sort: PassageSort): PassagePages {
  const key = JSON.stringify({ filter, sort });
  // The first page comes uncounted, and the count is asked once it is here: the host answers one
  // request at a time, so the rows never wait for counting every match (issue 11: first rows < 150 ms).
  const first = useQuery(`passages:${key}`, () => api.listPassages({ filter, sort, limit: FIRST_PAGE, count: false }), { dependencies: PASSAGES_READ });
  const counted = useQuery(`passageCount:${JSON.stringify(filter)}`, () => api.countPassages({ filter }), { dependencies: PASSAGES_READ, enabled: first.data !== undefined });
  const [more, setMore] = useState<{ key: string; base: unknown; passages: Passage[]; next: string | null }>({ key: '', base: null, passages: [], next: null });
  const inFlight = useRef(false);

  const page = first.data;
  const current = more.key === key && more.base === page ? more : { key, base: page, passages: NO_MORE, next: page?.next ?? null };
  useEffect(() => {
    inFlight.current = false;
  }, [page]);

  const loadMore = useCallback(() => {
    if (inFlight.current || current.next === null || !page) return;
    inFlight.current = true;
    const cursor = current.next;
    void api.listPassages({ filter, sort, limit: PAGE, after: cursor, count: false }).then(
      (next) => {
        inFlight.current = false;
        setMore((previous) => {
          const base = previous.key === key && previous.base === page ? previous : { key, base: page, passages: [], next: page.next };
          if (base.next !== cursor) return base;
          return { key, base: page, passages: [...base.passages, ...next.passages], next: next.next };
        });
      },
      () => {
        inFlight.current = false;
      },
    );
  }, [current.next, filter, key, page, sort]);

  const passages = useMemo(() => (page ? [...page.passages, ...current.passages] : []), [page, current.passages]);

  const loadAll = useCallback(async () => {
    const all = [...passages];
    let cursor = current.next;
    while (cursor !== null) {
      const next = await api.listPassages({ filter, sort, limit: 1000, after: cursor, count: false });
      all.push(...next.passages);
      cursor = next.next;
    }
    return all;
  }, [current.next, filter, passages, sort]);

  const total = counted.data?.total ?? null;
  return { passages, total, loaded: page !== undefined || first.error !== null, loading: first.loading, error: first.error, retry: first.retry, loadMore, hasMore: current.next !== null, loadAll };
}
