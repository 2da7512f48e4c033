import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../core/handlers';
import { Library } from '../core/library';
import { TestWindow } from '../core/notes/yjs/testWindow';
import type { LibraryEvent } from '../shared/api/contract';
import type { RunningHost } from './server';
import { startHost } from './server';

let dir: string;
let library: Library;
let host: RunningHost;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-host-'));
  fs.mkdirSync(path.join(dir, 'static'));
  fs.writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>Marginalia</title>');
  library = Library.open(path.join(dir, 'library.sqlite'));
  host = await startHost({ handlers: createHandlers(library), staticDirectory: path.join(dir, 'static'), token: 'secret-token' });
});

afterEach(async () => {
  await host.close();
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (operation: string, body: unknown, headers: Record<string, string> = { authorization: 'Bearer secret-token' }) =>
  fetch(`${host.url}api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers an operation with the token, and refuses it without one before any routing', async () => {
    const ok = await call('libraryInfo', {});
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { sourceCount: number } }).value.sourceCount).toBe(0);
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token!' }, { authorization: 'Bearer secret-tokeN' }];
    for (const headers of attempts) {
      expect((await call('libraryInfo', {}, headers)).status).toBe(401);
      expect((await call('no-such-operation', {}, headers)).status).toBe(401);
    }
  });

  it('refuses a foreign Origin (another site in the same browser) and sends no CORS headers', async () => {
    const response = await call('libraryInfo', {}, { authorization: 'Bearer secret-token', origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/libraryInfo', method: 'POST', headers: { host: `rebound.example:${host.port}`, authorization: 'Bearer secret-token' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('gives a clear error for malformed and invalid requests, and stays up', async () => {
    const malformed = await fetch(`${host.url}api/getSource`, { method: 'POST', headers: { authorization: 'Bearer secret-token' }, body: '{not json' });
    expect(malformed.status).toBe(400);
    const invalid = await call('getSource', { id: 'seven' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain('Invalid request for getSource');
    const missing = await call('getSource', { id: 99 });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('Source 99 was not found');
    expect((await call('libraryInfo', {})).status).toBe(200);
  });

  it('relays a note\'s Yjs update to the other tabs over the event stream, behind the same token, Host and Origin checks', async () => {
    const handlerOptions: { emit?: (event: LibraryEvent) => void } = {};
    const relaying = await startHost({ handlers: createHandlers(library, handlerOptions), staticDirectory: path.join(dir, 'static'), token: 'secret-token', onEmitter: (emit) => (handlerOptions.emit = emit) });
    try {
      const { request } = await import('node:http');
      /** Opens /api/events and resolves with its status, and the data of each event as it arrives. */
      const stream = (query: string, headers: Record<string, string> = {}) =>
        new Promise<{ status: number; events: LibraryEvent[]; close: () => void }>((resolve, reject) => {
          const events: LibraryEvent[] = [];
          const req = request({ host: '127.0.0.1', port: relaying.port, path: `/api/events${query}`, headers: { host: `127.0.0.1:${relaying.port}`, ...headers } }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += chunk.toString();
              for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
                const data = text.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
                if (data) events.push(JSON.parse(data.slice('data: '.length)) as LibraryEvent);
                text = text.slice(end + 2);
              }
            });
            res.on('error', () => undefined);
            resolve({ status: res.statusCode ?? 0, events, close: () => req.destroy() });
          });
          req.on('error', reject);
          req.end();
        });
      for (const [query, headers, status] of [['', {}, 401], ['?token=wrong', {}, 401], ['?token=secret-token', { origin: 'http://evil.example' }, 403], ['?token=secret-token', { host: `rebound.example:${relaying.port}` }, 421]] as const) {
        const refused = await stream(query, headers);
        refused.close();
        expect(refused.status, `${query} ${JSON.stringify(headers)}`).toBe(status);
      }
      const otherTab = await stream('?token=secret-token');
      expect(otherTab.status).toBe(200);
      const relayingCall = (operation: string, body: unknown) =>
        fetch(`${relaying.url}api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token' }, body: JSON.stringify(body) }).then(async (response) => ((await response.json()) as { value: Record<string, unknown> }).value);
      const { id } = (await relayingCall('createNote', { title: 'Shared' })) as { id: number };
      const window = new TestWindow('typing-tab', new Uint8Array(Buffer.from((await relayingCall('openNoteDoc', { id })).update as string, 'base64')));
      window.type('Typed in the first tab.');
      const update = Buffer.from(window.takeUpdate()!).toString('base64');
      await relayingCall('applyNoteUpdate', { id, update, clientId: window.clientId });
      await expect.poll(() => otherTab.events.filter((event) => event.type === 'noteUpdate')).toEqual([{ type: 'noteUpdate', noteId: id, update, origin: 'typing-tab' }]);
      otherTab.close();
      window.close();
    } finally {
      await relaying.close();
    }
  });

  it('imports through the API and reports each file', async () => {
    const response = await call('importFiles', { files: [{ name: 'a.txt', contentBase64: Buffer.from('Some text.').toString('base64') }, { name: 'b.txt', contentBase64: '' }] });
    const { value } = (await response.json()) as { value: { status: string; error: string | null }[] };
    expect(value.map((result) => result.status)).toEqual(['imported', 'failed']);
    expect(value[1]!.error).toContain('b.txt is empty');
  });

  it('serves the renderer without a token but never a file outside it', async () => {
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = await fetch(`${host.url}..%2flibrary.sqlite`);
    expect(await escape.text()).not.toContain('SQLite format');
  });

  it("lets the browser keep the build's hashed scripts (a reload then compiles nothing), never the page or an unhashed file", async () => {
    fs.mkdirSync(path.join(dir, 'static', 'assets'));
    fs.writeFileSync(path.join(dir, 'static', 'assets', 'index-DH-LBWZ8.js'), 'console.log(1);');
    fs.writeFileSync(path.join(dir, 'static', 'assets', 'notes.js'), 'console.log(2);');
    const script = await fetch(`${host.url}assets/index-DH-LBWZ8.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${host.url}assets/notes.js`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(host.url)).headers.get('cache-control')).toBe('no-store');
    // A missing asset is answered with the page (the app's routes), which is never kept.
    expect((await fetch(`${host.url}assets/gone-ABCDEFGH.js`)).headers.get('cache-control')).toBe('no-store');
  });

  it('turns the browser form of a deep link into the app address, keeping only well-formed ids', async () => {
    const passage = await fetch(`${host.url}source/12?highlight=34`, { redirect: 'manual' });
    expect(passage.status).toBe(302);
    expect(passage.headers.get('location')).toBe('/?source=12&highlight=34');
    const source = await fetch(`${host.url}source/12?highlight=<script>`, { redirect: 'manual' });
    expect(source.headers.get('location')).toBe('/?source=12');
  });
});
