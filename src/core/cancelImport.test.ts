import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcePageRequest } from '../shared/domain/sourceList';
import type { LibraryEvent } from '../shared/api/contract';
import { createHandlers } from './handlers';
import { Library } from './library';

let dir: string;
let library: Library;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cancel-'));
  library = Library.open(path.join(dir, 'library.sqlite'));
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const articles = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    name: `reports/article-${String(index).padStart(3, '0')}.txt`,
    contentBase64: Buffer.from(`Report number ${index} on the Lachin corridor.\n\nA second paragraph for report ${index}.\n`).toString('base64'),
  }));

describe('cancelImport', () => {
  it('keeps what was committed and reports every other file as not imported', async () => {
    const cancelReplies: { cancelled: boolean }[] = [];
    const handlers = createHandlers(library, {
      emit: (event: LibraryEvent) => {
        // Cancel as soon as the first file is reported, as a user clicking Cancel import would.
        if (event.type === 'importProgress' && cancelReplies.length === 0) cancelReplies.push(handlers.cancelImport({}) as { cancelled: boolean });
      },
    });
    const files = articles(200);
    const results = await handlers.importFiles({ files });

    expect(cancelReplies).toEqual([{ cancelled: true }]);
    expect(results).toHaveLength(200);
    const imported = results.filter((result) => result.status === 'imported');
    const notImported = results.filter((result) => result.status !== 'imported');
    expect(imported.map((result) => result.file)).toEqual(['reports/article-000.txt']);
    expect(notImported).toHaveLength(199);
    for (const [index, result] of notImported.entries()) {
      expect(result).toEqual({ file: files[index + 1]!.name, status: 'failed', sourceId: null, error: `article-${String(index + 1).padStart(3, '0')}.txt was not imported: the import was cancelled.` });
    }
    // The library holds exactly what was reported imported.
    const listed = (await handlers.listSources(SourcePageRequest.parse({ sort: 'title' }))).sources;
    expect(listed.map((source) => source.id)).toEqual(imported.map((result) => result.sourceId));
    expect(listed[0]?.title).toBe('Report number 0 on the Lachin corridor');
  });

  it('says nothing was running when no import is, and a later import is not affected', async () => {
    const handlers = createHandlers(library);
    expect(await handlers.cancelImport({})).toEqual({ cancelled: false });
    const results = await handlers.importFiles({ files: articles(3) });
    expect(results.map((result) => result.status)).toEqual(['imported', 'imported', 'imported']);
    expect(await handlers.cancelImport({})).toEqual({ cancelled: false });
  });
});
