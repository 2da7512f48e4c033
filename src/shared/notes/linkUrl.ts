/**
 * The one allowlist of link addresses, for the editor, a saved note read back and the exports alike:
 * the web (http, https) or the library (marginalia://source/ID, marginalia://highlight/ID, read by
 * src/shared/text/deepLink.ts). Nothing else: a saved note is input, and a javascript: or file: link
 * in it must never become clickable. Not mailto: either: the app opens only web links outside itself
 * (src/main/origins.ts), so a mail link in a note would be a dead link in the app and live only in
 * the export; one policy everywhere is what the editor shows.
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
