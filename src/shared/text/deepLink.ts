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

/**
 * Where a library link points: a deep link above, or `marginalia://highlight/34` (the Web Annotation
 * IRI, src/core/highlights/webAnnotation.ts), which names no source. A note may hold either.
 */
export interface LibraryLinkTarget {
  sourceId: number | null;
  highlightId: number | null;
}

const SOURCE_LINK = /^marginalia:\/\/source\/(\d{1,15})\/?(?:\?highlight=(\d{1,15}))?$/i;
const HIGHLIGHT_LINK = /^marginalia:\/\/highlight\/(\d{1,15})\/?$/i;

/** The target of any library link, or null for anything else (links are input: notes, other programs). */
export function parseLibraryLink(url: string): LibraryLinkTarget | null {
  const source = SOURCE_LINK.exec(url.trim());
  if (source) {
    const sourceId = Number(source[1]);
    const highlightId = source[2] === undefined ? null : Number(source[2]);
    return sourceId > 0 && highlightId !== 0 ? { sourceId, highlightId } : null;
  }
  const highlight = HIGHLIGHT_LINK.exec(url.trim());
  const highlightId = highlight ? Number(highlight[1]) : 0;
  return highlightId > 0 ? { sourceId: null, highlightId } : null;
}

/** The target of a deep link (one that names its source), or null for anything else. */
export function parseDeepLink(url: string): DeepLinkTarget | null {
  const target = parseLibraryLink(url);
  return target?.sourceId == null ? null : { sourceId: target.sourceId, highlightId: target.highlightId };
}
