import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers, LibraryEvent } from '../shared/api/contract';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { Library } from './library';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

let dir: string;
let library: Library;
let events: LibraryEvent[];
let handlers: Handlers;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-dispatch-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
  events = [];
  handlers = createHandlers(library, { resourcesDirectory: RESOURCES, emit: (event) => events.push(event) });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (operation: string, payload?: unknown) => dispatch(handlers, operation, payload, (event) => events.push(event));
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('dispatch', () => {
  it('refuses an unknown operation by name', async () => {
    expect(await call('dropAllTables', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no operation "dropAllTables".' } });
    // Object.prototype members are not operations either.
    expect(await call('toString', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a request its schema rejects, saying which field is wrong, and calls nothing', async () => {
    const result = await call('getSource', { id: 'one' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.message).toMatch(/^Invalid request for getSource: /);
    expect(result.error.message).toContain('id');

    const patch = await call('updateSource', { id: 1, patch: { publishedAt: '2023-1-5' } });
    expect(patch).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!patch.ok) expect(patch.error.message).toContain('Use the form YYYY-MM-DD');
    expect(events).toEqual([]);
  });

  it('fills defaults for a query without a payload and does not emit', async () => {
    expect(await call('listSources')).toEqual({ ok: true, value: { sources: [], next: null, total: 0, libraryTotal: 0 } });
    expect(events).toEqual([]);
  });

  it('imports through the contract, reporting progress, then emits libraryChanged once', async () => {
    const result = await call('importFiles', {
      files: [
        { name: 'a.txt', contentBase64: base64('Talks resumed.') },
        { name: 'b.png', contentBase64: base64('not text') },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: [{ file: 'a.txt', status: 'imported' }, { file: 'b.png', status: 'failed' }] });
    expect(events).toEqual([
      { type: 'importProgress', done: 1, total: 2, file: 'a.txt' },
      { type: 'importProgress', done: 2, total: 2, file: 'b.png' },
      { type: 'libraryChanged', operation: 'importFiles', changes: [{ kind: 'sources', ids: [1] }] },
    ]);
  });

  it('imports the sample library: five seeds, the right metadata', async () => {
    const result = await call('importSampleLibrary', {});
    expect(result).toMatchObject({ ok: true });
    const list = await call('listSources', { sort: 'date' });
    expect(list.ok && (list.value as { sources: { citekey: string }[] }).sources.map((s) => s.citekey)).toEqual(['urdupoint2023pashinyan', 'hasanova2023sending', 'anonduring', 'anonprime', 'anonleaders']);
    expect(await call('listOutlets', {})).toEqual({ ok: true, value: ['AzerNews', 'UrduPoint.com'] });
    expect(await call('libraryInfo', {})).toMatchObject({ ok: true, value: { sourceCount: 5, path: path.join(dir, 'library.sqlite') } });
    expect(events.at(-1)).toEqual({ type: 'libraryChanged', operation: 'importSampleLibrary', changes: [{ kind: 'sources', ids: [1, 2, 3, 4, 5] }] });
  });

  it('emits libraryChanged for update and delete, not when the mutation fails', async () => {
    await call('importSampleLibrary', {});
    events.length = 0;
    expect(await call('updateSource', { id: 1, patch: { outlet: 'Armenpress' } })).toMatchObject({ ok: true, value: { id: 1, outlet: 'Armenpress' } });
    expect(await call('deleteSource', { id: 1 })).toEqual({ ok: true, value: { deleted: true } });
    expect(events).toEqual([
      { type: 'libraryChanged', operation: 'updateSource', changes: [{ kind: 'sources', ids: [1] }] },
      {
        type: 'libraryChanged',
        operation: 'deleteSource',
        changes: [
          { kind: 'sources', ids: [1] },
          { kind: 'highlights', ids: [1] },
          { kind: 'citations', ids: [1] },
          { kind: 'tags' },
        ],
      },
    ]);

    events.length = 0;
    const conflict = await call('updateSource', { id: 3, patch: { citekey: 'urdupoint2023pashinyan' } });
    expect(conflict).toEqual({ ok: false, error: { code: 'conflict', message: 'The citekey "urdupoint2023pashinyan" is already used by another source. Choose another.' } });
    expect(await call('getSource', { id: 1 })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^Source 1 was not found/) } });
    expect(events).toEqual([]);
  });

  it('turns a response that breaks the contract into an internal error, not bad data', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Handlers = { ...handlers, listOutlets: () => [42] as unknown as string[] };
    const result = await dispatch(broken, 'listOutlets', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^listOutlets failed: /) } });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});

describe('what libraryChanged names', () => {
  it('a note save names the note and the sources it cites, nothing else', async () => {
    await call('importSampleLibrary', {});
    const created = await call('createNote', { title: '' });
    const noteId = (created as { value: { id: number } }).value.id;
    const citation = { type: 'citation', version: 1, sourceId: 2, highlightId: null, snapshot: { quote: null, title: 'T', outlet: null, author: null, publishedAt: null, citekey: null } };
    const editorState = JSON.stringify({
      root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [citation] }] },
    });
    events.length = 0;
    const saved = await call('saveNote', { id: noteId, editorState });
    expect(saved).toMatchObject({ ok: true });
    expect(events).toEqual([
      {
        type: 'libraryChanged',
        operation: 'saveNote',
        changes: [
          { kind: 'notes', ids: [noteId] },
          { kind: 'citations', ids: [2] },
        ],
      },
    ]);
  });

  it('a highlight names its source and the tags', async () => {
    await call('importSampleLibrary', {});
    events.length = 0;
    expect(await call('createHighlight', { sourceId: 3, start: 0, end: 5, color: 'yellow' })).toMatchObject({ ok: true });
    expect(events).toEqual([{ type: 'libraryChanged', operation: 'createHighlight', changes: [{ kind: 'highlights', ids: [3] }, { kind: 'tags' }] }]);
  });
});
