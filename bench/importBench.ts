import type { Db } from '../src/core/db/openDatabase';
import { insertSource } from '../src/core/sources';
import type { BenchArticle, Corpus } from './corpus';
import { articleBatches } from './corpus';
import { fileMegabytes, openFreshLibrary, removeLibrary } from './benchLibrary';

/**
 * Import throughput through core (insertSource, one transaction per batch, as an importer of many
 * files would) beside its floor: raw batched INSERTs of the same rows into the same tables, so the
 * same triggers feed the same FTS index. Only the inserts are timed, not the corpus generation.
 */
export interface ImportFigures {
  articles: number;
  megabytesOfText: number;
  seconds: number;
  floorSeconds: number;
  /** CPU time of the same inserts: steadier than wall time when other work shares the machine. */
  cpuSeconds: number;
  floorCpuSeconds: number;
  libraryMegabytes: number;
}

export const BATCH_SIZE = 500;

const RAW_INSERT = `INSERT INTO sources (title, outlet, author, published_at, url, language, citekey, body, file_name, original, sha256, imported_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Wall and CPU seconds spent in `insertBatch` alone; `afterBatch` runs untimed. */
function timeBatches(corpus: Corpus, articles: number, insertBatch: (batch: BenchArticle[]) => void, afterBatch: (batch: BenchArticle[], done: number) => void): { seconds: number; cpuSeconds: number } {
  let seconds = 0;
  let cpuSeconds = 0;
  let done = 0;
  for (const batch of articleBatches(corpus, articles, BATCH_SIZE)) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    insertBatch(batch);
    seconds += (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds += (used.user + used.system) / 1e6;
    afterBatch(batch, (done += batch.length));
  }
  return { seconds, cpuSeconds };
}

/** Runs the floor in a scratch file, then the API into the library the search section uses. */
export function runImportBench(corpus: Corpus, articles: number, directory: string, log: (line: string) => void): { figures: ImportFigures; db: Db; file: string } {
  const progress = (label: string) => (_batch: BenchArticle[], done: number) => {
    if (done % 10_000 === 0 || done === articles) log(`  ${label}: ${done.toLocaleString('en')} / ${articles.toLocaleString('en')}`);
  };

  const floor = openFreshLibrary(directory, 'floor.db');
  const raw = floor.db.prepare(RAW_INSERT);
  const importedAt = new Date().toISOString();
  const floorTime = timeBatches(
    corpus,
    articles,
    (batch) =>
      floor.db.transaction(() => {
        for (const a of batch) raw.run(a.title, a.outlet, a.author, a.publishedAt, a.url, a.language, `bench${a.index}`, a.body, a.fileName, a.original, a.sha256, importedAt);
      })(),
    progress('floor (raw INSERT)'),
  );
  floor.db.close();
  removeLibrary(floor.file);

  const api = openFreshLibrary(directory, 'library.db');
  let characters = 0;
  const apiTime = timeBatches(
    corpus,
    articles,
    (batch) =>
      api.db.transaction(() => {
        for (const article of batch) insertSource(api.db, article);
      })(),
    (batch, done) => {
      for (const article of batch) characters += article.title.length + article.body.length;
      progress('API (insertSource)')(batch, done);
    },
  );
  return {
    figures: {
      articles,
      megabytesOfText: characters / 1048576,
      seconds: apiTime.seconds,
      floorSeconds: floorTime.seconds,
      cpuSeconds: apiTime.cpuSeconds,
      floorCpuSeconds: floorTime.cpuSeconds,
      libraryMegabytes: fileMegabytes(api.file),
    },
    db: api.db,
    file: api.file,
  };
}
