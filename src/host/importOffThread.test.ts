import http from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { createHandlers } from '../core/handlers';
import { Library } from '../core/library';
import type { LibraryEvent } from '../shared/api/contract';
import { dispatch } from '../core/dispatch';
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

it('stores an import from its own connection in a worker: the host sees every source, the change event names them, and a note saved meanwhile is kept', { timeout: 60_000 }, async () => {
  const { file, cleanup } = openTestLibrary();
  cleanups.push(cleanup);
  const library = Library.open(file);
  cleanups.push(() => library.close());
  const events: LibraryEvent[] = [];
  const handlers = createHandlers(library, { parseInWorker: true, storeInWorker: true });
  cleanups.push(() => handlers.close());
  const note = handlers.createNote({ title: 'Field notes' });
  const files = Array.from({ length: 12 }, (_, n) => ({ name: `article-${n}.md`, contentBase64: Buffer.from(`# Checkpoint report ${n}\n\nTrucks counted at the corridor on day ${n}.\n`).toString('base64') }));
  // The duplicate is found at commit, by the worker's connection.
  files.push({ ...files[3]!, name: 'again.md' });
  const imported = dispatch(handlers, 'importFiles', { files }, (event) => events.push(event));
  // A save on the host's own connection while the worker writes: both take turns (BEGIN IMMEDIATE).
  const renamed = await dispatch(handlers, 'renameNote', { id: (await note).id, title: 'Field notes, day 2' }, (event) => events.push(event));
  const result = await imported;
  expect(renamed.ok).toBe(true);
  expect(result.ok).toBe(true);
  const results = (result as { value: { status: string; sourceId: number | null }[] }).value;
  expect(results.map((r) => r.status)).toEqual([...Array(12).fill('imported'), 'duplicate']);
  expect(results[12]!.sourceId).toBe(results[3]!.sourceId);
  const ids = results.slice(0, 12).map((r) => r.sourceId);
  expect(events.filter((event) => event.type === 'libraryChanged' && event.operation === 'importFiles')).toEqual([{ type: 'libraryChanged', operation: 'importFiles', changes: [{ kind: 'sources', ids }] }]);
  // The host's connection reads what the worker committed, titles and search included.
  const list = await handlers.listSources({ sort: 'title' } as Parameters<typeof handlers.listSources>[0]);
  expect(list.total).toBe(12);
  expect(list.sources.map((s) => s.title)).toContain('Checkpoint report 7');
  const found = await handlers.search({ query: 'corridor', limit: 50 } as Parameters<typeof handlers.search>[0]);
  expect(found.results.filter((r) => r.type === 'source')).toHaveLength(12);
  expect((await handlers.listNotes({})).map((n) => n.title)).toEqual(['Field notes, day 2']);
});
