import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from '../scripts/chromium.mjs';
import { fling, formatFlingParts, percentile } from './fling';
import { startHost } from './startHost';
import type { FlingFrameSplit } from './flingTrace';
import { formatFlingSplit, splitFlingFrames, startProfile, startTrace } from './flingTrace';

/**
 * "The Passages table stays smooth with 50,000 rows (virtualized)" (issue 11), in Chromium through
 * the browser host: every passage of the library read into the table (scrolled to its end until
 * the last row is the count's), then flung from top to bottom in 300 frames, each frame's
 * main-thread work timed as the library list's fling is (fling.ts); and the renderer's heap after,
 * collected.
 */
export const PASSAGES_FLING_BUDGETS = { frameP95Ms: 16, heapMb: 100 };

export interface PassagesFlingFigures {
  rows: number;
  /** Time to read every page into the table by scrolling to its end (not a budget: a user reads it a page at a time). */
  loadAllMs: number;
  frameP50Ms: number;
  frameP95Ms: number;
  heapMb: number;
  /** With MARGINALIA_BENCH_TRACE: the fling's frames from a DevTools trace, CPU beside wall, by kind of work. */
  flingCpu?: FlingFrameSplit;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function runPassagesFlingBench({ libraryFile, log = (line: string) => console.error(line) }: { libraryFile: string; log?: (line: string) => void }): Promise<PassagesFlingFigures> {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../out/renderer/index.html'))) throw new Error('No built renderer in out/: run `npx electron-vite build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: the Passages table is measured in a browser (see scripts/chromium.mjs).');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  const host = await startHost(libraryFile);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx compiles the functions below with esbuild's keepNames, whose __name helper the page lacks.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Passages', exact: true }).click();
    const count = page.locator('.passages-page .library-count');
    await count.waitFor({ timeout: 120_000 });
    const total = Number((await count.textContent())!.replace(/\D/g, ''));
    const started = Date.now();
    // Scrolled to its end, the table asks for its next page; the last row drawn is then the last read.
    for (;;) {
      const last = await page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('.passage-scroller')!;
        scroller.scrollTop = scroller.scrollHeight;
        const lines = [...document.querySelectorAll<HTMLElement>('.passage-line')];
        return Math.max(...lines.map((line) => Number(line.dataset.index)));
      });
      if (last + 1 >= total) break;
      if (Date.now() - started > 600_000) throw new Error(`Only ${last + 1} of ${total} passages were read into the table in 10 minutes.`);
      await page.waitForTimeout(20);
    }
    const loadAllMs = Date.now() - started;
    log(`  read ${total.toLocaleString('en')} passages into the table in ${loadAllMs} ms`);
    await page.evaluate(() => (document.querySelector<HTMLElement>('.passage-scroller')!.scrollTop = 0));
    await page.waitForTimeout(200);
    // MARGINALIA_BENCH_TRACE=DIR writes a DevTools timeline trace of the fling there and splits its frames (flingTrace.ts), as the library bench does.
    const traceDirectory = process.env.MARGINALIA_BENCH_TRACE;
    const trace = traceDirectory ? await startTrace(page) : null;
    // MARGINALIA_BENCH_PROFILE=DIR writes a CPU profile of the page's JavaScript during the fling there.
    const profileDirectory = process.env.MARGINALIA_BENCH_PROFILE;
    const profiler = profileDirectory ? await startProfile(page) : null;
    const flung = await fling(page, '.passage-scroller', 300);
    if (profiler && profileDirectory) await profiler.stop(path.join(profileDirectory, `passages-fling-${total}.cpuprofile`));
    log(formatFlingParts(flung));
    let flingCpu: FlingFrameSplit | undefined;
    if (trace && traceDirectory) {
      const events = await trace.stop();
      fs.mkdirSync(traceDirectory, { recursive: true });
      fs.writeFileSync(path.join(traceDirectory, `passages-fling-${total}.trace.json`), JSON.stringify({ traceEvents: events }));
      flingCpu = splitFlingFrames(events);
      if (flingCpu) log(formatFlingSplit(flingCpu));
    }
    const client = await page.context().newCDPSession(page);
    await client.send('HeapProfiler.collectGarbage');
    const heap = (await client.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { rows: total, loadAllMs, frameP50Ms: round(percentile(flung.work, 0.5)), frameP95Ms: round(percentile(flung.work, 0.95)), heapMb: round(heap.usedSize / 1048576), ...(flingCpu ? { flingCpu } : {}) };
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
  }
}

export function formatPassagesFlingReport(f: PassagesFlingFigures): string {
  const b = PASSAGES_FLING_BUDGETS;
  const verdict = (value: number, budget: number) => (value < budget ? 'ok' : 'OVER');
  return [
    `Passages table with every passage read in (${f.rows.toLocaleString('en')} rows, Chromium, browser host; reading them all by scrolling took ${(f.loadAllMs / 1000).toFixed(1)} s)`,
    `  flinging through them in 300 frames, work a frame p50 / p95   ${f.frameP50Ms} / ${f.frameP95Ms} ms   budget p95 < ${b.frameP95Ms} ms ${verdict(f.frameP95Ms, b.frameP95Ms)}`,
    `  renderer JS heap after, collected                            ${f.heapMb} MB   budget < ${b.heapMb} MB ${verdict(f.heapMb, b.heapMb)}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/passagesFlingBench.ts LIBRARY.db (a library with passages; it is served, so use a copy)');
  const figures = await runPassagesFlingBench({ libraryFile: path.resolve(file) });
  console.log(formatPassagesFlingReport(figures));
}
