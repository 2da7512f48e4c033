import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/api/search';
import { SEARCH_MAX_LIMIT } from '../../../../shared/api/search';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { onChanges } from '../../api/queryCache';
import type { Dependency } from '../../../../shared/api/changes';
import { affectsAny } from '../../../../shared/api/changes';

/** Search as you type: one request per pause this long, not one per keystroke. */
export const SEARCH_DEBOUNCE_MS = 120;
/** Enough for a full group of each kind on the first page (the library interleaves kinds by rank). */
export const SEARCH_PAGE = 30;

export interface SearchState {
  /** The query the results answer (it lags what is typed while a search runs). */
  query: string;
  results: SearchResult[];
  warning: string | null;
  error: string | null;
  /** A search for what is typed now has not answered yet. */
  searching: boolean;
  /** True when the library may have more results than shown (a full page came back). */
  more: boolean;
}

const EMPTY: SearchState = { query: '', results: [], warning: null, error: null, searching: false, more: false };

/**
 * Runs the library's search for `query` while `enabled`, debounced, again when the library
 * changes in what it searches (and only while shown). Each window's box is one client: the library cancels its queries that a newer one made
 * stale, and any answer that still arrives for an older query is dropped here.
 */
/** What search reads: the text and metadata of sources, highlights (with their tags) and notes. */
const SEARCHED: readonly Dependency[] = [{ kind: 'sources' }, { kind: 'highlights' }, { kind: 'tags' }, { kind: 'notes' }];

/** A number that grows when the library changes in a way that may change search results. */
function useSearchedVersion(enabled: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => (enabled ? onChanges((changes) => affectsAny(changes, SEARCHED) && setVersion((n) => n + 1)) : undefined), [enabled]);
  return version;
}

export function useSearch(query: string, enabled: boolean): SearchState & { showMore: () => void } {
  const version = useSearchedVersion(enabled);
  // "Show more" asks for the next page's worth on top (the library ranks at most SEARCH_MAX_LIMIT).
  const [limit, setLimit] = useState(SEARCH_PAGE);
  const trimmedQuery = query.trim();
  useEffect(() => setLimit(SEARCH_PAGE), [trimmedQuery]);
  const [state, setState] = useState<SearchState>(EMPTY);
  const client = useRef(`search-box-${Math.random().toString(36).slice(2)}`);
  const latest = useRef(0);

  useEffect(() => {
    const trimmed = query.trim();
    if (!enabled || trimmed === '') {
      latest.current += 1;
      setState(EMPTY);
      return;
    }
    setState((previous) => ({ ...previous, searching: true }));
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      api.search({ query: trimmed, limit, client: client.current }).then(
        (response) => {
          if (ticket !== latest.current || response.superseded) return;
          setState({ query: trimmed, results: response.results, warning: response.warning, error: null, searching: false, more: response.results.length === limit && limit < SEARCH_MAX_LIMIT });
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          setState({ query: trimmed, results: [], warning: null, error: errorMessage(error, 'search the library'), searching: false, more: false });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, enabled, version, limit]);

  const showMore = useCallback(() => setLimit((current) => Math.min(SEARCH_MAX_LIMIT, current + SEARCH_PAGE)), []);
  return { ...state, showMore };
}
