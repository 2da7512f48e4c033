import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePdf } from '../../../tests/fixtures/import/makePdf';
import type { ImportResult } from '../../shared/domain/source';
import type { Db } from '../db/db';
import { countSources, getSource } from '../sources';
import type { FileToImport, ImportInput, ImportProgress } from './importFiles';
import { importFiles } from './importFiles';
import type { ParsedSource } from './parseFile';
import { parseFile } from './parseFile';
import { storeBatch } from './storeBatch';
import { openTestLibrary } from '../../../tests/support/library';
import { fixture } from '../../../tests/fixtures/import/importFixtures';

const article = (index: number): FileToImport => ({ name: `article-${index}.txt`, bytes: Buffer.from(`Report number ${index} on the Lachin corridor.\n`) });
const articles = (count: number) => Array.from({ length: count }, (_, index) => article(index + 1));

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = openTestLibrary()));
afterEach(() => cleanup());

describe('importFiles in batches', () => {
  it('imports a mixed folder (text, Markdown, HTML, PDF, legacy encodings) in input order', async () => {
    const files = [
      fixture('news-jsonld.html'),
      { name: 'report.pdf', bytes: makePdf({ info: { Title: 'A report' }, pages: [{ lines: ['Page one.'] }, { lines: ['Page two.'] }] }) },
      fixture('russian-windows-1251.txt'),
      { name: 'note.md', bytes: Buffer.from('---\ntitle: A note\n---\nText.') },
      fixture('hostile.html'),
      { name: 'scan.pdf', bytes: makePdf({ pages: [{ image: true }] }) },
    ];
    const results = await importFiles(db, files, { batchSize: 4 });
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['news-jsonld.html', 'imported'],
      ['report.pdf', 'imported'],
      ['russian-windows-1251.txt', 'imported'],
      ['note.md', 'imported'],
      ['hostile.html', 'imported'],
      ['scan.pdf', 'failed'],
    ]);
    expect(results.map((r) => r.sourceId && getSource(db, r.sourceId).title)).toEqual([
      'Lachin corridor talks resume in Brussels',
      'A report',
      'Переговоры о Лачинском коридоре',
      'A note',
      'Переговоры по Лачинскому коридору',
      null,
    ]);
  });

  it('reports progress after every file with the total, and commits every batch', async () => {
    const progress: ImportProgress[] = [];
    const committed: number[] = [];
    const results = await importFiles(db, articles(5), {
      batchSize: 2,
      total: 5,
      onProgress: (update) => {
        progress.push(update);
        committed.push(countSources(db));
      },
    });
    expect(results.every((r) => r.status === 'imported')).toBe(true);
    expect(progress.map((p) => [p.done, p.total, p.file])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5, `article-${n}.txt`]));
    // A batch of two is committed after its second file is handled.
    expect(committed).toEqual([0, 0, 2, 2, 4]);
    expect(countSources(db)).toBe(5);
  });

  it('starts with a small batch and doubles it, and near the end commits what it holds at once', async () => {
    const batches: number[] = [];
    const results = await importFiles(db, articles(200), {
      batchSize: 100,
      total: 200,
      store: async (batch) => {
        batches.push(batch.length);
        return storeBatch(db, batch);
      },
    });
    expect(results.map((r) => r.status)).toEqual(Array(200).fill('imported'));
    expect(results.map((r) => r.file)).toEqual(articles(200).map((file) => file.name));
    // 25, 50, then 100 at most; once the files left are no more than those in hand, each batch is
    // committed at once, so the last ones are small.
    expect(batches.slice(0, 2)).toEqual([25, 50]);
    expect(Math.max(...batches)).toBeLessThanOrEqual(100);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(200);
    expect(batches.at(-1)).toBeLessThanOrEqual(2);
  });

  it('reports the same bytes twice in one batch as a duplicate of the first', async () => {
    const results = await importFiles(db, [article(1), { ...article(1), name: 'copy.txt' }, article(2)], { batchSize: 10 });
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate', 'imported']);
    expect(results[1]!.sourceId).toBe(results[0]!.sourceId);
  });

  it('rolls back only the file that fails to store, not its batch', async () => {
    db.exec("CREATE TRIGGER refuse_three AFTER INSERT ON sources WHEN NEW.body LIKE 'Report number 3 %' BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END");
    const results = await importFiles(db, articles(5), { batchSize: 5 });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'failed', 'imported', 'imported']);
    expect(results[2]!.error).toBe('article-3.txt could not be imported: simulated storage failure');
    expect(countSources(db)).toBe(4);
  });

  const storeItems = (count: number) => Promise.all(articles(count).map(async (file, i) => ({ name: file.name, parsed: await parseFile(file), original: file.bytes, sha256: `sha-${i}` })));

  it('leaves nothing of a file whose one INSERT fails, with no trigger to undo it, and stores the rest of its batch', async () => {
    const items = await storeItems(3);
    // A value SQLite refuses (a CHECK), as a bug upstream would hand it.
    items[1]!.parsed.storedOriginal = { bytes: Buffer.from('x'), compression: 'bogus' as 'zlib' };
    const results = storeBatch(db, items);
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported']);
    expect(results[1]!.error).toMatch(/^article-2\.txt could not be imported: CHECK constraint failed: original_compression/);
    expect(db.prepare('SELECT file_name FROM sources ORDER BY id').pluck().all()).toEqual(['article-1.txt', 'article-3.txt']);
    expect(db.prepare('SELECT count(*) FROM sources_fts').pluck().get()).toBe(2);
  });

  it('reports the whole batch as not stored, and writes no later file, when SQLite rolls back the transaction', async () => {
    db.exec("CREATE TRIGGER roll_back_two AFTER INSERT ON sources WHEN NEW.file_name = 'article-2.txt' BEGIN SELECT RAISE(ROLLBACK, 'simulated disk full'); END");
    const items = await storeItems(4);
    const results = storeBatch(db, items);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(results[3]!.error).toBe('article-4.txt could not be imported: simulated disk full');
    expect(countSources(db)).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('reads lazy files one at a time, only when their turn comes', async () => {
    const read: string[] = [];
    const lazy: ImportInput[] = articles(3).map((file) => ({ name: file.name, read: () => (read.push(file.name), file) }));
    await importFiles(db, lazy, { onProgress: ({ done }) => expect(read).toHaveLength(done) });
    expect(read).toEqual(['article-1.txt', 'article-2.txt', 'article-3.txt']);
  });
});

describe('parsing ahead (a parse worker)', () => {
  /** A parse whose answers the test gives, one file at a time, as a worker thread would. */
  const heldParse = () => {
    const waiting: { name: string; answer: () => void }[] = [];
    const parse = (file: FileToImport) => new Promise<ParsedSource>((resolve) => waiting.push({ name: file.name, answer: () => resolve(parseFile(file)) }));
    return { parse, waiting };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('hands the next files to the parser while the one before waits, and stores them in input order', async () => {
    const { parse, waiting } = heldParse();
    const done = importFiles(db, articles(6), { parse, parseAhead: 3, batchSize: 2 });
    await settle();
    // Three files are with the parser before its first answer; one a file is handed on as each is answered.
    expect(waiting.map((job) => job.name)).toEqual(['article-1.txt', 'article-2.txt', 'article-3.txt']);
    waiting[0]!.answer();
    await settle();
    expect(waiting.map((job) => job.name)).toEqual(['article-1.txt', 'article-2.txt', 'article-3.txt', 'article-4.txt']);
    // Answered out of order (the fourth first), still stored and reported in input order.
    for (const index of [3, 2, 1]) waiting[index]!.answer();
    let finished = false;
    void done.then(() => (finished = true));
    for (let answered = 4; !finished; await settle()) while (answered < waiting.length) waiting[answered++]!.answer();
    expect(waiting).toHaveLength(6);
    const results = await done;
    expect(results.map((r) => [r.file, r.status])).toEqual(articles(6).map((file) => [file.name, 'imported']));
    expect(results.map((r) => getSource(db, r.sourceId!).body)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Report number ${n} on the Lachin corridor.`));
  });

  it('stores nothing read ahead once cancelled, and reports each such file as not imported', async () => {
    const controller = new AbortController();
    const results = await importFiles(db, articles(6), { parse: async (file) => parseFile(file), parseAhead: 4, signal: controller.signal, onProgress: ({ done }) => done === 2 && controller.abort() });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'failed', 'failed', 'failed', 'failed']);
    expect(results[3]!.error).toBe('article-4.txt was not imported: the import was cancelled.');
    expect(countSources(db)).toBe(2);
  });

  it('finds a file repeated within the folder a duplicate, though both were read before either was stored', async () => {
    const files = [article(1), article(2), { ...article(1), name: 'copy-of-1.txt' }];
    const results = await importFiles(db, files, { parse: async (file) => parseFile(file), parseAhead: 4 });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'duplicate']);
    expect(results[2]!.sourceId).toBe(results[0]!.sourceId);
    expect(countSources(db)).toBe(2);
  });
});

describe('cancelling an import', () => {
  it('keeps what was handled before the cancel, and reports every other file as not imported', async () => {
    const controller = new AbortController();
    const read: string[] = [];
    const files: ImportInput[] = articles(6).map((file) => ({ name: file.name, read: () => (read.push(file.name), file) }));
    const results = await importFiles(db, files, {
      batchSize: 50,
      signal: controller.signal,
      onProgress: ({ done }) => done === 2 && controller.abort(),
    });
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(results.slice(2)).toEqual(
      [3, 4, 5, 6].map((n): ImportResult => ({ file: `article-${n}.txt`, status: 'failed', sourceId: null, error: `article-${n}.txt was not imported: the import was cancelled.` })),
    );
    // The batch in hand was committed, and the files after the cancel were never read.
    expect(countSources(db)).toBe(2);
    expect(read).toEqual(['article-1.txt', 'article-2.txt']);
  });

  it('imports nothing when cancelled before it starts', async () => {
    const results = await importFiles(db, articles(2), { signal: AbortSignal.abort() });
    expect(results.map((r) => r.error)).toEqual(['article-1.txt was not imported: the import was cancelled.', 'article-2.txt was not imported: the import was cancelled.']);
    expect(countSources(db)).toBe(0);
  });

  it('leaves the library usable for the next import, which finds the committed files as duplicates', async () => {
    const controller = new AbortController();
    await importFiles(db, articles(4), { signal: controller.signal, onProgress: ({ done }) => done === 1 && controller.abort() });
    const again = await importFiles(db, articles(4));
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'imported', 'imported', 'imported']);
  });
});
