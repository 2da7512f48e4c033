import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Handlers, LibraryEvent } from '../shared/api/contract';
import type { ApiErrorCode } from '../shared/api/errors';
import { dispatch } from '../core/dispatch';
import { answerClientError, BodyTooLarge, bodyTooLargeMessage, HEADERS_MILLISECONDS, readBody, refuseConnect, REQUEST_MILLISECONDS } from './requestLimits';

export interface HostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  staticDirectory: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  /** Receives the event emitter so handlers can publish progress. */
  onEmitter?: (emit: (event: LibraryEvent) => void) => void;
  /** Shorter request timeouts, for tests of slow clients. */
  timeouts?: { headersTimeout?: number; requestTimeout?: number };
}

export interface RunningHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers. */
  openUrl: string;
  token: string;
  port: number;
  emit: (event: LibraryEvent) => void;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = { invalid_request: 400, not_found: 404, conflict: 409, unavailable: 503, internal: 500 };
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The build's content-hashed files (vite: `assets/NAME-HASH.EXT`). */
const IMMUTABLE_ASSET = /^assets\/[\w.-]+-[\w-]{8,}\.(?:js|css|woff2|svg|png)$/;

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser host: the built renderer plus the contract as `POST /api/<operation>`, on 127.0.0.1
 * only, behind a per-launch token, refusing foreign Host and Origin headers (DNS rebinding).
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const listeners = new Set<http.ServerResponse>();
  const emit = (event: LibraryEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const listener of listeners) listener.write(line);
  };
  options.onEmitter?.(emit);
  let port = 0;
  const staticRoot = path.resolve(options.staticDirectory);

  // Timeouts checked every second: a body that trickles in is answered 408 and its connection closed.
  // requireHostHeader off: a request without Host gets our JSON 421, not Node's empty 400.
  const serverOptions = { headersTimeout: HEADERS_MILLISECONDS, requestTimeout: REQUEST_MILLISECONDS, connectionsCheckingInterval: 1000, requireHostHeader: false, ...options.timeouts };
  const server = http.createServer(serverOptions, (request, response) => {
    try {
      route(request, response);
    } catch (error) {
      // Nothing a request holds may end the host: answer it, log it, serve the next.
      console.error('marginalia host: a request failed', error);
      if (!response.headersSent) send(response, 500, { error: { code: 'internal', message: 'The host could not answer this request.' } });
      else response.destroy();
    }
  });
  server.on('clientError', answerClientError);
  server.on('connect', refuseConnect);

  function route(request: http.IncomingMessage, response: http.ServerResponse): void {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, { error: { code: 'invalid_request', message: 'Unknown Host: this host answers only 127.0.0.1 and localhost on its own port.' } });
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return send(response, 403, { error: { code: 'invalid_request', message: 'Cross-origin requests are refused.' } });
    }
    // Only origin-form targets ("/path?query"); "//[", "*" or "http://elsewhere/" name nothing here.
    const target = request.url ?? '/';
    const url = target.startsWith('/') && !target.startsWith('//') ? URL.parse(target, `http://${allowedHosts[0]}`) : null;
    if (!url) return send(response, 400, { error: { code: 'invalid_request', message: 'The request target is not a path of this host.' } });
    if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
      const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '');
      const given = url.pathname === '/api/events' ? (url.searchParams.get('token') ?? bearer) : bearer;
      if (!tokenMatches(given, token)) return send(response, 401, { error: { code: 'invalid_request', message: 'Missing or wrong access token. Open the URL that `marginalia serve` printed.' } });
      handleApi(url.pathname.slice('/api/'.length), request, response).catch((error: unknown) => {
        console.error('marginalia host: a request failed', error);
        if (!response.headersSent) send(response, 500, { error: { code: 'internal', message: 'The host could not answer this request.' } });
      });
      return;
    }
    return serveStatic(url.pathname, request, response);
  }

  async function handleApi(operation: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (operation === 'events' && request.method === 'GET') {
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (request.method !== 'POST') return send(response, 405, { error: { code: 'invalid_request', message: 'Use POST for API operations.' } });
    let payload: unknown;
    try {
      const text = await readBody(request);
      payload = text === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is not read: the connection closes after the answer.
        response.setHeader('connection', 'close');
        return send(response, 413, { error: { code: 'invalid_request', message: bodyTooLargeMessage() } });
      }
      return send(response, 400, { error: { code: 'invalid_request', message: 'The request body is not JSON.' } });
    }
    const result = await dispatch(options.handlers, operation, payload, emit);
    if (result.ok) send(response, 200, { value: result.value });
    else send(response, STATUS[result.error.code], { error: result.error });
  }

  function serveStatic(pathname: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: { code: 'invalid_request', message: 'Method not allowed: the app is served to GET and HEAD.' } });
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      return send(response, 400, { error: { code: 'invalid_request', message: 'The path is not valid percent-encoding.' } });
    }
    // The browser form of a deep link: /source/12?highlight=34 opens the app at that passage.
    const deepLink = /^\/source\/(\d{1,15})\/?$/.exec(relative);
    if (deepLink) {
      const highlight = new URL(request.url ?? '/', 'http://host').searchParams.get('highlight');
      const query = `?source=${deepLink[1]}${highlight && /^\d{1,15}$/.test(highlight) ? `&highlight=${highlight}` : ''}`;
      response.writeHead(302, { ...SECURITY_HEADERS, location: `/${query}` });
      return void response.end();
    }
    let file = path.resolve(staticRoot, `.${relative}`);
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) return send(response, 404, { error: { code: 'not_found', message: 'Nothing is served at this path.' } });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) return send(response, 503, { error: { code: 'unavailable', message: 'The renderer is not built. Run `npm run build`.' } });
    const body = fs.readFileSync(file);
    // The build names its scripts and styles by their content's hash (assets/index-FpXq….js), so
    // a cached copy is never stale: cached, a reload neither fetches nor recompiles them (the
    // browser keeps compiled code only for cached scripts), which was most of the first paint.
    const cache = IMMUTABLE_ASSET.test(path.relative(staticRoot, file).split(path.sep).join('/')) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
    response.writeHead(200, { ...SECURITY_HEADERS, ...cache, 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as { port: number }).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        emit,
        close: () =>
          new Promise((done) => {
            for (const listener of listeners) listener.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
