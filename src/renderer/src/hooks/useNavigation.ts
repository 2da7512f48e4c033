import { useCallback, useEffect, useRef, useState } from 'react';

export type View = { name: 'library' } | { name: 'reader'; sourceId: number };

const LIBRARY: View = { name: 'library' };

/** The view kept in `history.state`, so a reload reopens it; anything unexpected means the library. */
function viewFromState(state: unknown): View {
  const saved = (state as { marginalia?: unknown } | null)?.marginalia as { sourceId?: unknown } | undefined;
  const id = saved?.sourceId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? { name: 'reader', sourceId: id } : LIBRARY;
}

function stateFor(view: View): { marginalia: { sourceId: number | null } } {
  return { marginalia: { sourceId: view.name === 'reader' ? view.sourceId : null } };
}

export interface Navigation {
  view: View;
  /** The source the reader showed last, so the library can put focus back on its row. */
  lastSourceId: number | null;
  openSource(id: number): void;
  backToLibrary(): void;
}

/**
 * Library and reader as history entries of the same URL (the URL fragment carries the browser
 * host's token and must stay as it is): the browser's Back works, and a reload keeps the view.
 */
export function useNavigation(): Navigation {
  const [view, setView] = useState<View>(() => viewFromState(window.history.state));
  const [lastSourceId, setLastSourceId] = useState<number | null>(null);
  // True when the entry below the current one is our library entry, so Back can pop instead of piling up.
  const pushedReader = useRef(false);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      pushedReader.current = false;
      setView(viewFromState(event.state));
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    if (view.name === 'reader') setLastSourceId(view.sourceId);
  }, [view]);

  const openSource = useCallback((id: number) => {
    const next: View = { name: 'reader', sourceId: id };
    if (viewFromState(window.history.state).name === 'reader') {
      window.history.replaceState(stateFor(next), '');
    } else {
      window.history.pushState(stateFor(next), '');
      pushedReader.current = true;
    }
    setView(next);
  }, []);

  const backToLibrary = useCallback(() => {
    if (pushedReader.current) {
      pushedReader.current = false;
      window.history.back();
    } else {
      window.history.replaceState(stateFor(LIBRARY), '');
    }
    // Set it now as well: the popstate of history.back() arrives a moment later.
    setView(LIBRARY);
  }, []);

  return { view, lastSourceId, openSource, backToLibrary };
}
