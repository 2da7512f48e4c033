import { afterEach, describe, expect, it } from 'vitest';
import { makePdf } from '../../../tests/fixtures/import/makePdf';
import { importFiles } from './importFiles';
import { parseFile } from './parseFile';
import type { ParseWorker } from './parseInWorker';
import { createParseWorker } from './parseInWorker';
import { openTestLibrary } from '../../../tests/support/library';
import { fixture } from '../../../tests/fixtures/import/importFixtures';
import { decompressOriginal } from '../originalBytes';
import { readOriginal } from '../sources';
import { sourceIndexValues } from '../search/sourceFold';
import { wordsWithOtherKeys } from '../../shared/search/searchKey';

/** A saved web page of about `megabytes` MB: long enough that Readability takes a while over it. */
function bigPage(megabytes: number): Buffer {
  const paragraph = '<p>Reporters on the Lachin corridor counted the trucks that passed the checkpoint that morning, one by one.</p>\n';
  return Buffer.from(`<!doctype html><html><head><title>A long page</title></head><body><article>${paragraph.repeat(Math.ceil((megabytes * 1048576) / paragraph.length))}</article></body></html>`);
}

/** Markdown of about `megabytes` MB after a front matter of 4,000 keys (about 40 KB, under its 64 KB limit). */
function bigMarkdown(megabytes: number): Buffer {
  const keys = Array.from({ length: 4000 }, (_, n) => `k${n}: v${n}`).join('\n');
  const paragraph = 'Reporters on the *Lachin corridor* counted the [trucks](https://example.org) that passed, one by one.\n\n';
  return Buffer.from(`---\ntitle: Many fields\n${keys}\n---\n${paragraph.repeat(Math.ceil((megabytes * 1048576) / paragraph.length))}`);
}

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});
const worker = (options?: Parameters<typeof createParseWorker>[0]): ParseWorker => {
  const started = createParseWorker(options);
  cleanups.push(() => started.close());
  return started;
};

describe('parsing imports in a worker thread', () => {
  it('reads HTML, PDF, Markdown and text exactly as parsing in this thread does', async () => {
    const parser = worker();
    const files = [
      fixture('news-jsonld.html'),
      { name: 'report.pdf', bytes: makePdf({ pages: [{ lines: ['Lachin corridor report', '', 'Trucks passed the checkpoint.'] }, { lines: ['Page two.'] }], info: { Title: 'Corridor' } }) },
      { name: 'note.md', bytes: Buffer.from('---\ntitle: Front matter title\noutlet: AzerNews\n---\nThe body.\n') },
      fixture('russian-windows-1251.txt'),
    ];
    // The key terms the worker numbered, by number, as the storing thread learns them.
    const spelled: string[] = [];
    for (const file of files) {
      const { storedOriginal, searchText, ...parsed } = await parser.parse(file);
      expect(parsed).toEqual(await parseFile(file));
      // It also folded the text as the search index holds it, and numbered its key terms.
      const values = sourceIndexValues(parsed);
      expect(searchText!.values).toEqual(values);
      const pairs = searchText!.newKeyTerms === '' ? [] : searchText!.newKeyTerms.split(' ');
      for (let i = 0; i < pairs.length; i += 2) spelled[searchText!.firstNewNumber + i / 2] = `${pairs[i]} ${pairs[i + 1]}`;
      const found = new Map<string, string>();
      for (const value of values) if (value !== null) wordsWithOtherKeys(value, new Set(), found);
      expect([...searchText!.keyTermNumbers].map((number) => spelled[number]).sort()).toEqual([...found].map(([term, key]) => `${term} ${key}`).sort());
      // The worker also compressed the original against that body: it reads back as the file's bytes.
      expect(storedOriginal).toBeDefined();
      const stored = Buffer.from(storedOriginal!.bytes);
      expect(decompressOriginal(stored, storedOriginal!.compression, parsed.body).equals(Buffer.from(file.bytes))).toBe(true);
    }
  });

  it('fails a file over the time limit with a message naming it and the limit; the batch goes on with a fresh worker', { timeout: 60_000 }, async () => {
    const library = openTestLibrary();
    cleanups.push(library.cleanup);
    const parser = worker({ timeLimitMs: 300 });
    const results = await importFiles(
      library.db,
      [
        { name: 'before.md', bytes: Buffer.from('# Before\n\nThe first article.\n') },
        { name: 'huge-page.html', bytes: bigPage(12) },
        { name: 'after.md', bytes: Buffer.from('# After\n\nThe article after the slow one.\n') },
        // Markdown with front matter under its 64 KB limit (4,000 keys) and a long body: the
        // same limit holds for it (issue 12 named a front matter of many keys that froze the app).
        { name: 'huge-notes.md', bytes: bigMarkdown(12) },
        { name: 'last.md', bytes: Buffer.from('# Last\n\nThe article after the slow Markdown.\n') },
      ],
      { parse: parser.parse },
    );
    expect(results.map((result) => result.status)).toEqual(['imported', 'failed', 'imported', 'failed', 'imported']);
    expect(results[1]!.error).toBe('huge-page.html took longer than 300 ms to read (the limit for one file), so it was not imported. It may be damaged or unusually complex: import a simpler copy (for a web page, save only the article).');
    expect(results[3]!.error).toMatch(/^huge-notes\.md took longer than 300 ms to read \(the limit for one file\), so it was not imported\./);
    expect(library.db.prepare('SELECT title FROM sources ORDER BY id').pluck().all()).toEqual(['Before', 'After', 'Last']);
    // Stored with the original the worker compressed: it reads back as the file was.
    expect(readOriginal(library.db, results[2]!.sourceId!).toString()).toBe('# After\n\nThe article after the slow one.\n');
  });
});
