import { useEffect, useRef, useState } from 'react';
import type { SnippetSegment } from '../../../../shared/search/snippet';
import type { Highlight } from '../../../../shared/domain/highlight';
import { api } from '../../api/client';
import { highlightSearchQuery } from './highlightSearchQuery';

export interface HighlightMatch {
  /** The whole highlight: a citation snapshots its exact words, which a snippet may shorten. */
  highlight: Highlight;
  /** Its snippet with the words typed marked. */
  segments: SnippetSegment[];
}

export interface HighlightMatches {
  matches: HighlightMatch[];
  searching: boolean;
  failed: boolean;
}

/** Long enough that a word typed quickly is one search, short enough to feel immediate. */
const SEARCH_DELAY_MS = 80;
/** One client for every editor: a newer `@` query supersedes an older one still in the search worker. */
const SEARCH_CLIENT = 'citation-typeahead';

const NONE: HighlightMatches = { matches: [], searching: false, failed: false };

/**
 * The highlights whose words (or comment, or tags) begin with what was typed after `@`, best
 * first, through the library's search. `typed` is null while the menu is closed. The previous
 * matches stay shown until the next answer, so the list does not flicker at each keystroke.
 */
export function useHighlightMatches(typed: string | null, limit: number): HighlightMatches {
  const [state, setState] = useState<HighlightMatches>(NONE);
  // Each source's highlights, fetched once while the menu is open (search gives ids and snippets).
  const highlightsBySource = useRef(new Map<number, Promise<Highlight[]>>());
  const open = typed !== null;

  useEffect(() => {
    if (!open) highlightsBySource.current.clear();
  }, [open]);

  useEffect(() => {
    const query = typed === null ? null : highlightSearchQuery(typed);
    if (query === null) {
      setState(NONE);
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    const highlightsOf = (sourceId: number) => {
      let highlights = highlightsBySource.current.get(sourceId);
      if (!highlights) {
        highlights = api.listHighlights({ sourceId });
        // A failed fetch is not remembered: the next keystroke asks again.
        highlights.catch(() => highlightsBySource.current.delete(sourceId));
        highlightsBySource.current.set(sourceId, highlights);
      }
      return highlights;
    };
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const { results, superseded } = await api.search({ query, limit, client: SEARCH_CLIENT });
          if (superseded || !current) return;
          const hits = results.filter((result) => result.type === 'highlight' && result.sourceId !== null);
          const sources = [...new Set(hits.map((hit) => hit.sourceId!))];
          const byId = new Map((await Promise.all(sources.map(highlightsOf))).flat().map((highlight) => [highlight.id, highlight]));
          // A highlight deleted since it was indexed is left out.
          const matches = hits.flatMap((hit) => {
            const highlight = byId.get(hit.id);
            return highlight ? [{ highlight, segments: hit.segments }] : [];
          });
          if (current) setState({ matches, searching: false, failed: false });
        } catch {
          if (current) setState({ matches: [], searching: false, failed: true });
        }
      })();
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed, limit]);

  return typed === null ? NONE : state;
}
