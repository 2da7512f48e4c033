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

/**
 * The dev server's URL for `npm run dev` (electron-vite puts it in ELECTRON_RENDERER_URL), and only
 * there: never in a packaged app (where that variable could be set by whoever starts it), and only
 * an http URL on this machine. Undefined otherwise, which keeps every dev allowance below off.
 */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const given = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !given) return undefined;
  try {
    const url = new URL(given);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback ? given : undefined;
  } catch {
    return undefined;
  }
}

const PRODUCTION_POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/**
 * The renderer's Content-Security-Policy. With the dev server (devServerUrl) only: the inline
 * React Refresh preamble Vite injects, and its hot-reload WebSocket. The built app's policy has
 * neither.
 */
export function contentSecurityPolicy(devServer?: string): string {
  const policy = { ...PRODUCTION_POLICY };
  if (devServer) {
    const { host } = new URL(devServer);
    policy['script-src'] = "'self' 'unsafe-inline'";
    policy['connect-src'] = `'self' ws://${host}`;
  }
  return Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

/** The request filter: our renderer's files and blobs, devtools, and the dev server (and its WebSocket) only in development. */
export function isRequestAllowed(url: string, devServer?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url.startsWith(`blob:${APP_ORIGIN}/`) || url.startsWith('devtools://')) return true;
  if (!devServer) return false;
  const { host } = new URL(devServer);
  return url.startsWith(`http://${host}/`) || url.startsWith(`ws://${host}/`) || url === `ws://${host}`;
}
