import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openTestLibrary } from '../../../tests/support/library';
import { importFiles } from './importFiles';
import { createStoreWorker } from './storeInWorker';

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

const article = (n: number) => ({ name: `article-${n}.txt`, bytes: Buffer.from(`Checkpoint report ${n}\n\nTrucks counted at the corridor on day ${n}.\n`) });

it('stores batches from its own connection, which the caller reads at once', { timeout: 60_000 }, async () => {
  const { db, file, cleanup } = openTestLibrary();
  cleanups.push(cleanup);
  const writer = createStoreWorker(file);
  cleanups.push(() => writer.close());
  const results = await importFiles(db, [1, 2, 3, 4, 5, 6, 7].map(article), { batchSize: 3, store: writer.store });
  expect(results.map((r) => r.status)).toEqual(Array(7).fill('imported'));
  const titles = db.prepare('SELECT id, title FROM sources ORDER BY id').all() as { id: number; title: string }[];
  expect(titles.map((row) => row.id)).toEqual(results.map((r) => r.sourceId));
  expect(titles[6]!.title).toBe('Checkpoint report 7');
});

it('a writer thread that dies fails its batch with a message saying so, and the import still answers', { timeout: 60_000 }, async () => {
  const { db, dir, cleanup } = openTestLibrary();
  cleanups.push(cleanup);
  const broken = path.join(dir, 'brokenWriter.mjs');
  fs.writeFileSync(broken, "throw new Error('no library here');\n");
  const writer = createStoreWorker(path.join(dir, 'library.sqlite'), { workerPath: broken });
  cleanups.push(() => writer.close());
  const results = await importFiles(db, [article(1), article(2)], { store: writer.store });
  expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
  expect(results[0]!.error).toMatch(/^article-1\.txt could not be imported: the library writer stopped unexpectedly \(.*no library here/);
  expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
});
