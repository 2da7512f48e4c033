import http from 'node:http';
import type { Duplex } from 'node:stream';
import { MAX_IMPORT_BYTES } from '../shared/domain/source';

/**
 * One API request body at most: the app sends imports in batches of at most 24 MB of files (a larger
 * file alone, up to the 20 MB an article may have), which base64 makes 32 MB; twice that leaves room.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The request line and headers must arrive within this, the whole request (a 64 MB body included) within REQUEST_MILLISECONDS. */
export const HEADERS_MILLISECONDS = 10_000;
export const REQUEST_MILLISECONDS = 120_000;

const megabytes = (bytes: number) => `${bytes / 1048576} MB`;

export function bodyTooLargeMessage(): string {
  return `The request body is over the ${megabytes(MAX_BODY_BYTES)} limit for one request. Import large files in smaller groups (one article may be at most ${megabytes(MAX_IMPORT_BYTES)}).`;
}

export class BodyTooLarge extends Error {}

/** Reads a request body of at most MAX_BODY_BYTES; rejects with BodyTooLarge as soon as it is over. */
export function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** What a request Node's HTTP parser (or its timeouts) refused gets: a status and a sentence. */
function clientErrorReply(code: string | undefined): [number, string] {
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'The request headers are too large.'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    return [408, `The request did not arrive in time (headers within ${HEADERS_MILLISECONDS / 1000} s, the whole request within ${REQUEST_MILLISECONDS / 1000} s).`];
  }
  if (code === 'HPE_INVALID_METHOD') return [405, 'Unknown request method. The API takes POST, the app GET.'];
  return [400, 'The request could not be read as HTTP/1.1 (a malformed request line, header or body framing).'];
}

/**
 * The server's 'clientError' handler: a request the parser refused still gets a JSON answer (when the
 * socket can take one), and only that connection closes; the host lives on.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const busy = (socket as Duplex & { _httpMessage?: http.ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] = clientErrorReply(error.code);
  answerOnSocket(socket, status, message);
}

/** CONNECT asks for a tunnel, which this host never opens. */
export function refuseConnect(_request: http.IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  answerOnSocket(socket, 405, 'This host opens no tunnels (CONNECT). The API takes POST, the app GET.');
}

/** A whole JSON answer written straight to a socket Node's request handling has let go of; the connection then closes. */
function answerOnSocket(socket: Duplex, status: number, message: string): void {
  const text = JSON.stringify({ error: { code: 'invalid_request', message } });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\n` +
      `x-content-type-options: nosniff\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${text}`,
  );
}
