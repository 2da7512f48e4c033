import fc from 'fast-check';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHandlers } from '../../src/core/handlers';
import { Library } from '../../src/core/library';
import type { RunningHost } from '../../src/host/server';
import { startHost } from '../../src/host/server';

/**
 * The browser host over raw sockets (127.0.0.1 only): malformed request lines and targets, bad and
 * duplicate headers, wrong methods, bad framing, huge and slow bodies. Every one gets a 4xx with a
 * JSON message, and the host still answers a correct request afterwards.
 */
const REQUESTS = 10_000;
const PARALLEL = 16;
const TOKEN = 'raw-socket-token';

let dir: string;
let library: Library;
let host: RunningHost;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-raw-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  library = Library.open(path.join(dir, 'library.sqlite'));
  host = await startHost({ handlers: createHandlers(library), staticDirectory: dir, token: TOKEN, timeouts: { headersTimeout: 1500, requestTimeout: 2500 } });
});
afterAll(async () => {
  await host.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
  raw: string;
}

/** Sends bytes on a fresh connection and reads until the server closes it or one whole response arrived. */
function exchange(bytes: Buffer | string, { waitMs = 8000, after }: { waitMs?: number; after?: (socket: net.Socket) => void } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(raw)?.[1] ?? 0);
      resolve({ status, body: raw.slice(raw.indexOf('\r\n\r\n') + 4), raw });
    };
    const timer = setTimeout(() => reject(new Error(`no answer within ${waitMs} ms to ${JSON.stringify(String(bytes).slice(0, 200))}`)), waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const raw = Buffer.concat(chunks).toString('latin1');
      const length = /\r\ncontent-length: (\d+)/i.exec(raw);
      const headEnd = raw.indexOf('\r\n\r\n');
      if (length && headEnd >= 0 && Buffer.byteLength(raw.slice(headEnd + 4), 'latin1') >= Number(length[1])) finish();
    });
    socket.on('close', finish);
    socket.on('error', () => {}); // a reset after the answer is fine; close follows
    socket.on('connect', () => {
      socket.write(bytes);
      after?.(socket);
    });
  });
}

function messageOf(reply: Reply): string {
  try {
    return (JSON.parse(reply.body) as { error?: { message?: string } }).error?.message ?? '';
  } catch {
    return '';
  }
}

const hostLine = () => `Host: 127.0.0.1:${host.port}\r\n`;
const auth = `Authorization: Bearer ${TOKEN}\r\n`;

/** Request texts that are each wrong in at least one way a client could get wrong. */
function malformed(): fc.Arbitrary<string> {
  // Bytes, as latin1 text (one character a byte), never the blank line that ends a header block.
  const garbage = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('latin1').replace(/\r\n\r\n/g, ''));
  const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
  const badTarget = fc.oneof(
    fc.constantFrom('//[', '//', '*', 'http://evil.example/', '/%', '/%E0%A4%A', '/api/%', '//[::1', '/\0', 'index.html', '/..%2f..%2fetc%2fpasswd', '/api/list%Sources', `/${'a'.repeat(20_000)}`),
    garbage.map((text) => `/%%${text.replace(/[\s]/g, '')}`),
  );
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'FOO', 'get', 'G ET', 'CONNECT', '');
  const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1', 'http/1.1', '');
  return fc.oneof(
    // A request target that is no path of this host.
    fc.tuple(method, badTarget).map(([m, target]) => `${m || 'GET'} ${target} HTTP/1.1\r\n${hostLine()}${auth}\r\n`),
    // Unknown or mangled methods and versions, on the API and the app.
    // (A POST goes without its token: a well-formed one would be a correct request.)
    fc.tuple(method, fc.constantFrom('/api/listSources', '/api/deleteSource', '/api/nothing'), version).map(([m, target, v]) => `${m} ${target} ${v}\r\n${hostLine()}${m === 'POST' ? '' : auth}\r\n`),
    // Bad header names and values, headers without a colon, NUL and bare CR.
    fc.tuple(fc.constantFrom('Bad Header', 'X-\u0001', 'NoColon', ' Leading', 'X-Y:\0z', 'X: a\rb', 'Content-Length: x', 'Content-Length: -5', 'Transfer-Encoding: bogus'), garbage).map(
      ([header, text]) => `POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}${header}${text.replace(/[\r\n:]/g, '')}\r\n\r\n`,
    ),
    // Duplicate headers: two lengths, length with chunked, two hosts that disagree, a wrong host, no host.
    fc.constantFrom(
      `POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      `POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      `GET / HTTP/1.1\r\nHost: evil.example\r\n${hostLine()}\r\n`,
      `GET / HTTP/1.1\r\nHost: localhost:1\r\n\r\n`,
      `GET / HTTP/1.1\r\n\r\n`,
      `POST /api/libraryInfo HTTP/1.1\r\n${hostLine()}Authorization: Bearer wrong\r\n${auth}\r\n`,
      `POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}Origin: http://evil.example\r\n\r\n`,
    ),
    // Bodies: not JSON, bad chunked framing, JSON the schema refuses.
    fc.tuple(garbage, token).map(([text, name]) => {
      const body = Buffer.from(`{${text}`, 'latin1');
      return `POST /api/${name} HTTP/1.1\r\n${hostLine()}${auth}Content-Length: ${body.length}\r\n\r\n${body.toString('latin1')}`;
    }),
    fc.tuple(fc.constantFrom('zz', '-1', '1;;;', 'ffffffffffffffffff', ' '), garbage).map(([size, text]) => `POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}Transfer-Encoding: chunked\r\n\r\n${size}\r\n${text}\r\n0\r\n\r\n`),
    // A huge header.
    fc.constant(`GET / HTTP/1.1\r\n${hostLine()}X-Big: ${'b'.repeat(70_000)}\r\n\r\n`),
    // Noise, then the end of a header block (blank lines alone are allowed before a request: a client still to come).
    garbage.filter((text) => /[^\r\n]/.test(text)).map((text) => `${text}\r\n\r\n`),
  );
}

it('answers GET //[ (which used to end the host) with 400, and serves the next request', async () => {
  const reply = await exchange(`GET //[ HTTP/1.1\r\n${hostLine()}\r\n`);
  expect(reply.status).toBe(400);
  expect(messageOf(reply)).toBe('The request target is not a path of this host.');
  expect((await exchange(`GET / HTTP/1.1\r\n${hostLine()}Connection: close\r\n\r\n`)).status).toBe(200);
});

it(`answers ${REQUESTS} malformed requests over raw sockets with a 4xx and a JSON message, and lives on`, { timeout: 300_000 }, async () => {
  const requests = fc.sample(malformed(), { numRuns: REQUESTS, seed: 12 });
  const statuses = new Map<number, number>();
  for (let start = 0; start < requests.length; start += PARALLEL) {
    const replies = await Promise.all(requests.slice(start, start + PARALLEL).map((request) => exchange(Buffer.from(request, 'latin1')).then((reply) => ({ request, reply }))));
    for (const { request, reply } of replies) {
      const shown = JSON.stringify(request.slice(0, 160));
      expect(reply.status, `${shown} got ${JSON.stringify(reply.raw.slice(0, 200))}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, shown).toBeLessThan(500);
      expect(messageOf(reply).length, `${shown} got ${JSON.stringify(reply.raw.slice(0, 300))}`).toBeGreaterThan(10);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
  }
  // The mix really reached the parser, the router and the API.
  expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 401, 404, 405, 421, 431]));
  const ok = await exchange(`POST /api/libraryInfo HTTP/1.1\r\n${hostLine()}${auth}Content-Length: 2\r\nConnection: close\r\n\r\n{}`);
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ value: { sourceCount: 0 } });
});

it('answers a body over the limit with 413 naming the limit, declared or streamed', async () => {
  const declared = await exchange(`POST /api/importFiles HTTP/1.1\r\n${hostLine()}${auth}Content-Length: ${70 * 1024 * 1024}\r\n\r\n{"files":[`);
  expect(declared.status).toBe(413);
  expect(messageOf(declared)).toContain('over the 64 MB limit for one request');

  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const streamed = await exchange(`POST /api/importFiles HTTP/1.1\r\n${hostLine()}${auth}Transfer-Encoding: chunked\r\n\r\n`, {
    after: (socket) => {
      let sent = 0;
      const more = () => {
        while (sent < 66 && !socket.destroyed) {
          sent++;
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`)) return void socket.once('drain', more);
        }
      };
      more();
    },
  });
  expect(streamed.status).toBe(413);
  expect(messageOf(streamed)).toContain('64 MB');
});

it('times out a request whose headers or body trickle in, with 408, and still answers', async () => {
  const slowHeaders = await exchange(`GET / HTTP/1.1\r\n${hostLine()}X-Slow: `);
  expect(slowHeaders.status).toBe(408);
  expect(messageOf(slowHeaders)).toContain('did not arrive in time');
  const slowBody = await exchange(`POST /api/listSources HTTP/1.1\r\n${hostLine()}${auth}Content-Length: 100\r\n\r\n{"sort"`);
  expect(slowBody.status).toBe(408);
  const ok = await exchange(`POST /api/libraryInfo HTTP/1.1\r\n${hostLine()}${auth}Content-Length: 2\r\nConnection: close\r\n\r\n{}`);
  expect(ok.status).toBe(200);
});
