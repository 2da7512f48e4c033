/**
 * Deep links back into the library, as exports write them (issue 5):
 * `marginalia://source/12` for a source, `marginalia://source/12?highlight=34` for a passage of it.
 * The passage form names the source too, so a reader that cannot find the highlight (deleted
 * since) can still open the article.
 */
export const DEEP_LINK_PREFIX = 'marginalia://source/';

export function sourceDeepLink(sourceId: number, highlightId: number | null = null): string {
  return highlightId === null ? `${DEEP_LINK_PREFIX}${sourceId}` : `${DEEP_LINK_PREFIX}${sourceId}?highlight=${highlightId}`;
}

export interface DeepLinkTarget {
  sourceId: number;
  highlightId: number | null;
}

/** The target of a deep link, or null for anything else (links arrive from other programs: input). */
export function parseDeepLink(url: string): DeepLinkTarget | null {
  const match = /^marginalia:\/\/source\/(\d{1,15})\/?(?:\?highlight=(\d{1,15}))?$/i.exec(url.trim());
  if (!match) return null;
  const sourceId = Number(match[1]);
  const highlightId = match[2] === undefined ? null : Number(match[2]);
  if (sourceId < 1 || highlightId === 0) return null;
  return { sourceId, highlightId };
}
