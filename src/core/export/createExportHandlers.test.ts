import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { Library } from '../library';
import { exportNote } from './exportNote';
import { buildSampleLibrary } from './sampleNote';

/** The export operations through the contract, as IPC and the browser host call them. */
let dir: string;
let library: Library;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-export-api-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('export operations', () => {
  it('exportNote answers with the same bytes as core, footnotes by default', async () => {
    const ids = buildSampleLibrary(library.db);
    const handlers = createHandlers(library);
    const footnotes = await dispatch(handlers, 'exportNote', { noteId: ids.noteId });
    expect(footnotes).toEqual({ ok: true, value: exportNote(library.db, ids.noteId, { style: 'footnotes' }) });
    const pandoc = await dispatch(handlers, 'exportNote', { noteId: ids.noteId, style: 'pandoc' });
    expect(pandoc).toEqual({ ok: true, value: exportNote(library.db, ids.noteId, { style: 'pandoc' }) });
  });

  it('exportSourceHighlights answers with the Markdown and a file name', async () => {
    const ids = buildSampleLibrary(library.db);
    const result = await dispatch(createHandlers(library), 'exportSourceHighlights', { sourceId: ids.ria });
    expect(result).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/ - highlights\.md$/), markdown: expect.stringContaining('> Лачинский коридор остаётся заблокированным') } });
  });

  it('refuses a bad request and reports a missing note', async () => {
    const handlers = createHandlers(library);
    expect(await dispatch(handlers, 'exportNote', { noteId: 1, style: 'apa' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(handlers, 'exportNote', { noteId: 41 })).toEqual({ ok: false, error: { code: 'not_found', message: 'Note 41 was not found. It may have been deleted; reload the library.' } });
  });
});
