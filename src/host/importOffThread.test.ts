import http from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { createHandlers } from '../core/handlers';
import { Library } from '../core/library';
import type { LibraryEvent } from '../shared/api/contract';
import { startHost } from './server';
import { openTestLibrary } from '../../tests/support/library';

/** A saved web page of about `megabytes` MB: long enough that Readability takes seconds over it. */
function bigPage(megabytes: number): Buffer {
  const paragraph = '<p>Reporters on the Lachin corridor counted the trucks that passed the checkpoint that morning, one by one.</p>\n';
  return Buffer.from(`<!doctype html><html><head><title>A long page</title></head><body><article>${paragraph.repeat(Math.ceil((megabytes * 1048576) / paragraph.length))}</article></body></html>`);
}

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

it('keeps the browser host answering while it parses a heavy file', { timeout: 60_000 }, async () => {
  const { dir, file, cleanup } = openTestLibrary();
  cleanups.push(cleanup);
  const library = Library.open(file);
  cleanups.push(() => library.close());
  const options: Parameters<typeof createHandlers>[1] = { parseInWorker: true };
  const handlers = createHandlers(library, options);
  cleanups.push(() => handlers.close());
  const progress: LibraryEvent[] = [];
  let firstDone: () => void = () => {};
  const firstFileDone = new Promise<void>((resolve) => (firstDone = resolve));
  options.emit = (event) => {
    progress.push(event);
    if (event.type === 'importProgress' && event.done === 1) firstDone();
  };
  const host = await startHost({ handlers, staticDirectory: dir, token: 'worker-token' });
  cleanups.push(() => host.close());
  const finished: string[] = [];
  const post = (operation: string, body: unknown) =>
    new Promise<number>((resolve, reject) => {
      const text = JSON.stringify(body);
      const request = http.request({ host: '127.0.0.1', port: host.port, path: `/api/${operation}`, method: 'POST', headers: { host: `127.0.0.1:${host.port}`, authorization: 'Bearer worker-token', 'content-length': Buffer.byteLength(text) } }, (response) => {
        response.resume().on('end', () => (finished.push(operation), resolve(response.statusCode ?? 0)));
      });
      request.on('error', reject);
      request.end(text);
    });
  const files = [
    { name: 'small.md', contentBase64: Buffer.from('# Small\n\nA short article.\n').toString('base64') },
    { name: 'heavy.html', contentBase64: bigPage(6).toString('base64') },
  ];
  const imported = post('importFiles', { files });
  await firstFileDone;
  // The heavy page is now being parsed. In this thread, it would hold every request until done.
  expect(await post('libraryInfo', {})).toBe(200);
  expect(await imported).toBe(200);
  expect(finished).toEqual(['libraryInfo', 'importFiles']);
});
