import { describe, expect, it } from 'vitest';
import type { ImportFile } from '../../../../shared/api/library';
import type { ImportResult } from '../../../../shared/domain/source';
import { MAX_IMPORT_BYTES } from '../../../../shared/domain/source';
import type { ImportTransport } from './importInBatches';
import { importInBatches } from './importInBatches';

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ file: new File([`Article ${index}.`], `a${index}.txt`), name: `folder/a${index}.txt` }));

/** A library that imports file by file, reporting progress, and stops after the file in hand when cancelled. */
function fakeLibrary() {
  const listeners = new Set<(progress: { done: number; total: number; file: string }) => void>();
  const sent: string[][] = [];
  let abort = false;
  let running = false;
  let cancelCalls = 0;
  const transport: ImportTransport = {
    async importFiles(files: ImportFile[]) {
      sent.push(files.map((file) => file.name));
      running = true;
      abort = false;
      const results: ImportResult[] = [];
      for (const [index, file] of files.entries()) {
        if (abort) results.push({ file: file.name, status: 'failed', sourceId: null, error: `${file.name.split('/').pop()} was not imported: the import was cancelled.` });
        else results.push({ file: file.name, status: 'imported', sourceId: sent.length * 1000 + index, error: null });
        for (const listener of listeners) listener({ done: index + 1, total: files.length, file: file.name });
        await Promise.resolve();
      }
      running = false;
      return results;
    },
    async cancelImport() {
      cancelCalls++;
      if (running) abort = true;
      return { cancelled: running };
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, sent, cancelCalls: () => cancelCalls };
}

describe('importInBatches', () => {
  it('sends every file, in batches of at most 100, and reports progress that only grows', async () => {
    const library = fakeLibrary();
    const progress: number[] = [];
    const results = await importInBatches(items(150), library.transport, { isCancelled: () => false, onProgress: (done) => progress.push(done) });
    expect(library.sent.map((batch) => batch.length)).toEqual([100, 50]);
    expect(results.map((result) => result.status)).toEqual(Array(150).fill('imported'));
    expect(progress.at(-1)).toBe(150);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('once cancelled, stops the batch in flight, sends no further batch, and reports the rest as not imported', async () => {
    const library = fakeLibrary();
    let cancelled = false;
    const results = await importInBatches(items(150), library.transport, {
      isCancelled: () => cancelled,
      // The user's click reached the library before the batch started, so only the app knows: it must ask again.
      onProgress: (done) => {
        if (done === 3) cancelled = true;
      },
    });
    expect(library.sent).toHaveLength(1);
    expect(library.cancelCalls()).toBe(1);
    expect(results).toHaveLength(150);
    const imported = results.filter((result) => result.status === 'imported');
    expect(imported.length).toBeGreaterThanOrEqual(3);
    expect(imported.length).toBeLessThan(10);
    const rest = results.filter((result) => result.status !== 'imported');
    expect(rest.map((result) => result.error)).toEqual(rest.map((result) => `${result.file.split('/').pop()} was not imported: the import was cancelled.`));
    expect(rest.at(-1)).toMatchObject({ file: 'folder/a149.txt', status: 'failed' });
  });

  it('refuses a file over the size limit without reading or sending it', async () => {
    const library = fakeLibrary();
    const huge = { name: 'video.txt', size: MAX_IMPORT_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as File;
    const results = await importInBatches([{ file: huge, name: 'folder/video.txt' }, ...items(1)], library.transport, { isCancelled: () => false, onProgress: () => {} });
    expect(library.sent).toEqual([['folder/a0.txt']]);
    expect(results[0]).toEqual({ file: 'folder/video.txt', status: 'failed', sourceId: null, error: 'video.txt is 20.0 MB, over the 20 MB limit for one article. Split it or import only the article text.' });
  });

  it('reports a batch the library could not take as failed, naming each file, and goes on', async () => {
    const library = fakeLibrary();
    let calls = 0;
    const flaky: ImportTransport = {
      ...library.transport,
      importFiles: (files) => (++calls === 1 ? Promise.reject(new Error('The Marginalia server is not reachable.')) : library.transport.importFiles(files)),
    };
    const results = await importInBatches(items(101), flaky, { isCancelled: () => false, onProgress: () => {} });
    expect(results[0]).toMatchObject({ file: 'folder/a0.txt', status: 'failed', error: 'a0.txt was not imported: The Marginalia server is not reachable.' });
    expect(results[100]).toMatchObject({ file: 'folder/a100.txt', status: 'imported' });
  });
});
