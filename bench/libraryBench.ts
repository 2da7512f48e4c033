import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/chromium.mjs';
import { backupLibrary, listBackups } from '../src/core/backup';
import { openDatabase } from '../src/core/db/openDatabase';
import { insertSource } from '../src/core/sources';
import { openFreshLibrary } from './benchLibrary';
import { articleBatches, createCorpus } from './corpus';
import { startHost } from './startHost';
import { fling, formatFlingParts, percentile } from './fling';
import type { FlingFrameSplit } from './flingTrace';
import { formatFlingSplit, splitFlingFrames, startProfile, startTrace } from './flingTrace';

/**
 * The library list in Chromium through the browser host (issue 13), on a library of N articles:
 * - cold start: from spawning `marginalia serve` to the first rows painted (the page's
 *   `marginalia:library-rows-painted` mark, LibraryPage.tsx), budget < 1 s at 10,000;
 * - first rows: from the window's navigation start to that mark, over reloads (< 300 ms);
 * - opening an article: click on a title to its paragraphs painted (< 100 ms);
 * - flinging through every row: the scroll box moved to the end in 300 frames; per frame the main
 *   thread's work (scroll event, React render, layout: rAF time to layout done) p95 (< 16 ms);
 * - the renderer's JS heap after that and a garbage collection (< 100 MB).
 * Needs the built renderer (`npx electron-vite build`) and a Chromium.
 */
export const LIBRARY_BUDGETS = { coldStartMs: 1000, firstRowsMs: 300, openArticleMs: 100, frameP95Ms: 16, heapMb: 100 };

export interface LibraryFigures {
  articles: number;
  coldStartMs: number;
  firstRowsMs: number;
  firstRowsMaxMs: number;
  openArticleMs: number;
  openArticleMaxMs: number;
  frameP50Ms: number;
  frameP95Ms: number;
  framesFlung: number;
  /** Frames that showed a row whose page had not come yet (drawn empty). */
  framesWithPendingRows: number;
  rowsFlung: number;
  heapMb: number;
  /** With MARGINALIA_BENCH_TRACE: the fling's frames from a DevTools trace, CPU beside wall, by kind of work. */
  flingCpu?: FlingFrameSplit;
}

const ROWS_PAINTED = 'marginalia:library-rows-painted';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Milliseconds from navigation start to the first rows painted, once the page has marked them. */
async function rowsPaintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null, ROWS_PAINTED, { timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

/** Clicks the title of row `index` and resolves with the time until the article's text is painted. */
async function openArticle(page: Page, index: number): Promise<number> {
  return page.evaluate(async (row) => {
    const button = document.querySelector<HTMLButtonElement>(`button.title-link[data-index="${row}"]`);
    if (!button) throw new Error(`Row ${row} is not drawn.`);
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('article p') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, index);
}

export async function runLibraryBench({ libraryFile, articles, runs = 5, log = (line: string) => console.error(line) }: { libraryFile: string; articles: number; runs?: number; log?: (line: string) => void }): Promise<LibraryFigures> {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../out/renderer/index.html'))) throw new Error('No built renderer in out/: run `npx electron-vite build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: the library list is measured in a browser (see scripts/chromium.mjs).');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx compiles the functions below with esbuild's keepNames, whose __name helper the page lacks.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  // A first start does the day's backup of the library (seconds at 100,000 articles); a user's
  // cold start is any later one. So the day's backup is made first (a host stopped during it
  // cancels it, so starting one and stopping it would not do), then a start is timed.
  if (!listBackups(libraryFile).some((backup) => backup.reason === 'daily' && Date.now() - Date.parse(backup.createdAt) < 12 * 3600_000)) {
    const db = openDatabase(libraryFile);
    try {
      await backupLibrary(db, libraryFile, 'daily');
    } finally {
      db.close();
    }
  }
  // The browser is already open, as a user's is; the clock starts with the host process.
  const spawned = Date.now();
  const host = await startHost(libraryFile);
  try {
    await page.goto(host.url);
    const painted = await rowsPaintedAt(page);
    const coldStartMs = (await page.evaluate(() => performance.timeOrigin)) + painted - spawned;
    log(`  cold start to first rows: ${Math.round(coldStartMs)} ms`);

    const firstRows: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.reload();
      firstRows.push(await rowsPaintedAt(page));
    }
    log(`  first rows after navigation (ms): ${firstRows.map((ms) => ms.toFixed(0)).join(', ')}`);

    const opens: number[] = [];
    for (let run = 0; run < runs; run++) {
      opens.push(await openArticle(page, run * 3));
      await page.goBack();
      await rowsPaintedAt(page);
      await page.waitForSelector(`button.title-link[data-index="${(run + 1) * 3}"]`);
    }
    log(`  opening an article (ms): ${opens.map((ms) => ms.toFixed(0)).join(', ')}`);

    // MARGINALIA_BENCH_TRACE=DIR writes a DevTools timeline trace of the fling there and splits its frames (flingTrace.ts).
    const traceDirectory = process.env.MARGINALIA_BENCH_TRACE;
    const trace = traceDirectory ? await startTrace(page) : null;
    // MARGINALIA_BENCH_PROFILE=DIR writes a CPU profile of the page's JavaScript during the fling there.
    const profileDirectory = process.env.MARGINALIA_BENCH_PROFILE;
    const profiler = profileDirectory ? await startProfile(page) : null;
    const flung = await fling(page, '.source-table-scroll', 300, 'tr.is-pending');
    if (profiler && profileDirectory) await profiler.stop(path.join(profileDirectory, `library-fling-${articles}.cpuprofile`));
    log(formatFlingParts(flung));
    let flingCpu: FlingFrameSplit | undefined;
    if (trace && traceDirectory) {
      const events = await trace.stop();
      fs.mkdirSync(traceDirectory, { recursive: true });
      fs.writeFileSync(path.join(traceDirectory, `library-fling-${articles}.trace.json`), JSON.stringify({ traceEvents: events }));
      flingCpu = splitFlingFrames(events);
      if (flingCpu) log(formatFlingSplit(flingCpu));
    }
    const client = await page.context().newCDPSession(page);
    await client.send('HeapProfiler.collectGarbage');
    const heap = (await client.send('Runtime.getHeapUsage')) as { usedSize: number };
    log(`  flung through ${Math.round(flung.scrollTop / 40).toLocaleString('en')} rows; heap ${(heap.usedSize / 1048576).toFixed(1)} MB`);
    return {
      articles,
      coldStartMs: Math.round(coldStartMs),
      firstRowsMs: round(median(firstRows)),
      firstRowsMaxMs: round(Math.max(...firstRows)),
      openArticleMs: round(median(opens)),
      openArticleMaxMs: round(Math.max(...opens)),
      frameP50Ms: round(percentile(flung.work, 0.5)),
      frameP95Ms: round(percentile(flung.work, 0.95)),
      framesFlung: flung.work.length,
      framesWithPendingRows: flung.framesWithPending,
      rowsFlung: Math.round(flung.scrollTop / 40),
      heapMb: round(heap.usedSize / 1048576),
      ...(flingCpu ? { flingCpu } : {}),
    };
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
  }
}

export function formatLibraryReport(f: LibraryFigures): string {
  const b = LIBRARY_BUDGETS;
  const verdict = (value: number, budget: number) => (value < budget ? 'ok' : 'OVER');
  return [
    `Library list at ${f.articles.toLocaleString('en')} articles (Chromium, browser host)`,
    `  cold start, host process start to first rows painted   ${f.coldStartMs} ms      budget < ${b.coldStartMs} ms (at 10,000) ${verdict(f.coldStartMs, b.coldStartMs)}`,
    `  first rows painted after the window opens (median)    ${f.firstRowsMs} ms (slowest ${f.firstRowsMaxMs})   budget < ${b.firstRowsMs} ms ${verdict(f.firstRowsMs, b.firstRowsMs)}`,
    `  opening an article, click to text painted (median)    ${f.openArticleMs} ms (slowest ${f.openArticleMaxMs})   budget < ${b.openArticleMs} ms ${verdict(f.openArticleMs, b.openArticleMs)}`,
    `  flinging through ${f.rowsFlung.toLocaleString('en')} rows in ${f.framesFlung} frames, work a frame p50 / p95   ${f.frameP50Ms} / ${f.frameP95Ms} ms   budget p95 < ${b.frameP95Ms} ms ${verdict(f.frameP95Ms, b.frameP95Ms)}`,
    `    frames showing rows whose page had not come (drawn empty)   ${f.framesWithPendingRows} of ${f.framesFlung}`,
    `  renderer JS heap after, collected                      ${f.heapMb} MB   budget < ${b.heapMb} MB ${verdict(f.heapMb, b.heapMb)}`,
  ].join('\n');
}

/** A library of `articles` generated articles (the bench corpus) through insertSource, kept for later runs. */
export function makeLibrary(directory: string, articles: number, seed: number, log: (line: string) => void): string {
  const name = `list-${articles}-${seed}.db`;
  const file = path.join(directory, name);
  if (fs.existsSync(file)) return file;
  const { db, file: created } = openFreshLibrary(directory, `${name}.partial`);
  let done = 0;
  for (const batch of articleBatches(createCorpus(seed), articles, 1000)) {
    db.transaction(() => batch.forEach((article) => insertSource(db, article)))();
    done += batch.length;
    if (done % 10_000 === 0) log(`  ${done.toLocaleString('en')} / ${articles.toLocaleString('en')}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(created, file);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '5' } } });
  const articles = Number(values.articles);
  console.error(`Generating (or reusing) a library of ${articles.toLocaleString('en')} articles in .bench/…`);
  const file = makeLibrary(path.resolve('.bench'), articles, Number(values.seed), (line) => console.error(line));
  const figures = await runLibraryBench({ libraryFile: file, articles, runs: Number(values.runs) });
  console.log(formatLibraryReport(figures));
  console.log(JSON.stringify(figures));
}
