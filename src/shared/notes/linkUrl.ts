/**
 * Links in notes may point to the web (http, https) or into the library (marginalia://source/ID,
 * marginalia://highlight/ID). Nothing else: a saved note is input, and a javascript: or file: link
 * in it must never become clickable.
 */
export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'marginalia:'] as const;

export const MAX_LINK_LENGTH = 2048;

export function isAllowedLinkUrl(url: string): boolean {
  if (url.length === 0 || url.length > MAX_LINK_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // The written form too: URL() reads "https:foo" as https://foo/, which is not what anyone meant.
  return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(parsed.protocol) && /^(https?|marginalia):\/\/[^/\s]/i.test(url);
}

export const LINK_RULE = 'A link must start with http://, https:// or marginalia://.';

/**
 * Where a library link in a note points: marginalia://source/12, marginalia://source/12?highlight=34
 * (the form exports write) or marginalia://highlight/34 (the Web Annotation IRI). Null otherwise.
 */
export interface LibraryLinkTarget {
  sourceId: number | null;
  highlightId: number | null;
}

export function parseLibraryLink(url: string): LibraryLinkTarget | null {
  const source = /^marginalia:\/\/source\/(\d{1,15})\/?(?:\?highlight=(\d{1,15}))?$/i.exec(url.trim());
  if (source) {
    const sourceId = Number(source[1]);
    const highlightId = source[2] === undefined ? null : Number(source[2]);
    return sourceId > 0 && highlightId !== 0 ? { sourceId, highlightId } : null;
  }
  const highlight = /^marginalia:\/\/highlight\/(\d{1,15})\/?$/i.exec(url.trim());
  const highlightId = highlight ? Number(highlight[1]) : 0;
  return highlightId > 0 ? { sourceId: null, highlightId } : null;
}
