// Which URLs are ours and which links may leave the app. No Electron import, so tests run it on Node.

/** The scheme the packaged renderer is served from, instead of file:// (Electron security checklist #18). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://marginalia`;

/** Only http(s) links open, in the system browser; every other scheme is refused. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * True for our renderer's pages. Compared by scheme and host: WHATWG URL gives a custom scheme's
 * origin as "null" outside Chromium, so `origin === APP_ORIGIN` would never match in main.
 */
export function isOwnOrigin(url: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'marginalia') return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
