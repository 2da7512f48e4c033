import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/chromium.mjs';
import { makeLibrary } from './libraryBench';
import { startHost } from './startHost';

/**
 * The library bench's cold start (libraryBench.ts: `marginalia serve` spawned to the first rows
 * painted), split into its steps, over several starts: the host's process to its URL printed (and
 * its CPU by then, from /proc, as wall times are stretched by the machine's load), then the
 * page's own clock: the document answered, the renderer's script fetched, the first `listSources`
 * asked and answered, the rows painted. `MARGINALIA_BENCH_CLI=DIR/bin/marginalia.js` starts another
 * build (to run an older one in turn with this one). The browser starts with an empty cache, as a
 * user's first start after an update does.
 *
 *   npx tsx bench/coldStartSplit.ts --articles 10000 --runs 5
 */
const ROWS_PAINTED = 'marginalia:library-rows-painted';

export interface ColdStartSplit {
  /** Spawn to the host's line with its URL. */
  listeningMs: number;
  /** The host's CPU (user + system) by then. */
  hostCpuMs: number;
  /** From spawn, on the page's clock: the document answered, the script fetched, the first page asked and answered, the rows painted. */
  documentMs: number;
  scriptMs: number;
  firstPageAskedMs: number;
  firstPageAnsweredMs: number;
  paintedMs: number;
}

function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export async function splitColdStart(libraryFile: string, runs: number): Promise<ColdStartSplit[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (see scripts/chromium.mjs).');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const splits: ColdStartSplit[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const spawned = Date.now();
      const host = await startHost(libraryFile);
      const listeningMs = Date.now() - spawned;
      const hostCpuMs = processCpuMs(host.child.pid!) ?? NaN;
      try {
        await page.goto(host.url);
        await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, ROWS_PAINTED, { timeout: 60_000 });
        const times = await page.evaluate((name) => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const script = resources.find((entry) => /\/assets\/index-[^/]*\.js$/.test(entry.name));
          const firstPage = resources.find((entry) => entry.name.endsWith('/api/listSources'));
          return {
            origin: performance.timeOrigin,
            document: navigation.responseEnd,
            script: script?.responseEnd ?? NaN,
            asked: firstPage?.startTime ?? NaN,
            answered: firstPage?.responseEnd ?? NaN,
            painted: performance.getEntriesByName(name).at(-1)!.startTime,
          };
        }, ROWS_PAINTED);
        const fromSpawn = (ms: number) => Math.round(times.origin + ms - spawned);
        splits.push({ listeningMs, hostCpuMs, documentMs: fromSpawn(times.document), scriptMs: fromSpawn(times.script), firstPageAskedMs: fromSpawn(times.asked), firstPageAnsweredMs: fromSpawn(times.answered), paintedMs: fromSpawn(times.painted) });
      } finally {
        await context.close();
        host.child.kill('SIGTERM');
        await new Promise((resolve) => (host.child.exitCode === null ? host.child.once('exit', resolve) : resolve(null)));
      }
    }
  } finally {
    await browser.close();
  }
  return splits;
}

export function formatSplits(splits: ColdStartSplit[]): string {
  const keys = ['listeningMs', 'hostCpuMs', 'documentMs', 'scriptMs', 'firstPageAskedMs', 'firstPageAnsweredMs', 'paintedMs'] as const;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return keys.map((key) => `  ${key.padEnd(20)} ${splits.map((split) => String(split[key]).padStart(6)).join('')}   median ${median(splits.map((split) => split[key]))}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '5' } } });
  const file = makeLibrary(path.resolve('.bench'), Number(values.articles), Number(values.seed), (line) => console.error(line));
  const splits = await splitColdStart(file, Number(values.runs));
  console.log(`Cold start at ${Number(values.articles).toLocaleString('en')} articles, ms from spawning the host (${process.env.MARGINALIA_BENCH_CLI ?? 'this checkout'}):`);
  console.log(formatSplits(splits));
}
