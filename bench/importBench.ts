import type { Db } from '../src/core/db/db';
import { insertSource } from '../src/core/sources';
import type { BenchArticle, Corpus } from './corpus';
import { articleBatches } from './corpus';
import { fileMegabytes, openFreshLibrary, removeLibrary } from './benchLibrary';

/**
 * Import throughput through core (insertSource, one transaction per batch, as an importer of many
 * files would) beside its floor: raw batched INSERTs of the same rows into one table and one FTS5
 * index with the same columns, prefixes and tokenizer, with no application logic (no citekeys,
 * folding or compression). Only the inserts are timed, not the corpus generation. The library's
 * size is measured after a checkpoint, so the file alone holds it.
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
  /** Bytes of the library per character of imported text (title and body), the measure of issue 13. */
  sizeRatio: number;
  /** Where the library's bytes are, in MB, from SQLite's dbstat (tables with their indexes). */
  sizeByTable: Record<string, number>;
}

export const BATCH_SIZE = 500;

const FLOOR_SCHEMA = `
  CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, outlet TEXT, author TEXT, published_at TEXT, url TEXT, language TEXT, body TEXT, file_name TEXT, original BLOB, sha256 TEXT);
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, outlet, author, body, content = 'articles', content_rowid = 'id', prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'");`;
const RAW_INSERT = 'INSERT INTO articles (title, outlet, author, published_at, url, language, body, file_name, original, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const RAW_INDEX = 'INSERT INTO articles_fts (rowid, title, outlet, author, body) VALUES (?, ?, ?, ?, ?)';

/** MB per table (an index counted with its table; an FTS5 table with its shadow tables). */
function sizeByTable(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT coalesce(t.tbl_name, d.name) AS name, sum(d.pgsize) AS bytes FROM dbstat d LEFT JOIN sqlite_schema t ON t.name = d.name GROUP BY 1 ORDER BY 2 DESC`,
    )
    .all() as { name: string; bytes: number }[];
  const sizes: Record<string, number> = {};
  for (const { name, bytes } of rows) {
    const owner = name.replace(/_(data|idx|docsize|config|content)$/, '');
    sizes[owner] = Math.round(((sizes[owner] ?? 0) + bytes / 1048576) * 10) / 10;
  }
  return sizes;
}

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

/** The floor: the same rows raw into one table and one FTS5 index, in a scratch file removed after. */
function runFloor(corpus: Corpus, articles: number, directory: string, progress: (label: string) => (batch: BenchArticle[], done: number) => void): { seconds: number; cpuSeconds: number } {
  const floor = openFreshLibrary(directory, 'floor.db', FLOOR_SCHEMA);
  const raw = floor.db.prepare(RAW_INSERT);
  const rawIndex = floor.db.prepare(RAW_INDEX);
  const time = timeBatches(
    corpus,
    articles,
    (batch) =>
      floor.db.transaction(() => {
        for (const a of batch) {
          const id = raw.run(a.title, a.outlet, a.author, a.publishedAt, a.url, a.language, a.body, a.fileName, a.original, a.sha256).lastInsertRowid;
          rawIndex.run(id, a.title, a.outlet, a.author, a.body);
        }
      })(),
    progress('floor (raw INSERT)'),
  );
  floor.db.close();
  removeLibrary(floor.file);
  return time;
}

/** Runs the floor in a scratch file, then the API into the library the search section uses. */
export function runImportBench(corpus: Corpus, articles: number, directory: string, log: (line: string) => void, options: { floor?: boolean } = {}): { figures: ImportFigures; db: Db; file: string } {
  const progress = (label: string) => (_batch: BenchArticle[], done: number) => {
    if (done % 10_000 === 0 || done === articles) log(`  ${label}: ${done.toLocaleString('en')} / ${articles.toLocaleString('en')}`);
  };

  // Without the floor (`--no-import-floor`), its figures are NaN and the report says so.
  const floorTime = options.floor === false ? { seconds: Number.NaN, cpuSeconds: Number.NaN } : runFloor(corpus, articles, directory, progress);

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
  api.db.pragma('wal_checkpoint(TRUNCATE)');
  const libraryMegabytes = fileMegabytes(api.file);
  return {
    figures: {
      articles,
      megabytesOfText: characters / 1048576,
      seconds: apiTime.seconds,
      floorSeconds: floorTime.seconds,
      cpuSeconds: apiTime.cpuSeconds,
      floorCpuSeconds: floorTime.cpuSeconds,
      libraryMegabytes,
      sizeRatio: (libraryMegabytes * 1048576) / characters,
      sizeByTable: sizeByTable(api.db),
    },
    db: api.db,
    file: api.file,
  };
}
