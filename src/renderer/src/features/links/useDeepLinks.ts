import { useEffect, useRef } from 'react';
import type { DeepLinkTarget } from '../../../../shared/text/deepLink';
import { parseDeepLink } from '../../../../shared/text/deepLink';
import { useLibraryEvent } from '../../api/libraryEvents';
import { revealInReader } from '../reader/revealIntent';

/** `?source=12&highlight=34`, which the browser host redirects `/source/12?highlight=34` to. */
export function targetFromQuery(search: string): DeepLinkTarget | null {
  const params = new URLSearchParams(search);
  const source = params.get('source');
  if (source === null) return null;
  const highlight = params.get('highlight');
  return parseDeepLink(`marginalia://source/${source}${highlight === null ? '' : `?highlight=${highlight}`}`);
}

/**
 * Opens the passage a `marginalia://source/ID?highlight=ID` link names: from the page's own address
 * in browser mode, or forwarded by the desktop app when another program opens such a link.
 */
export function useDeepLinks(openSource: (id: number) => void): void {
  const open = useRef(openSource);
  open.current = openSource;
  const go = (target: DeepLinkTarget) => {
    open.current(target.sourceId);
    if (target.highlightId !== null) revealInReader(target.sourceId, { kind: 'highlight', highlightId: target.highlightId, quote: null });
  };

  useEffect(() => {
    const target = targetFromQuery(window.location.search);
    if (!target) return;
    // Drop the query, keep the fragment (the browser host's token lives there).
    window.history.replaceState(window.history.state, '', `/${window.location.hash}`);
    go(target);
  }, []);

  useLibraryEvent((event) => {
    if (event.type !== 'openDeepLink') return;
    const target = parseDeepLink(event.url);
    if (target) go(target);
  });
}
