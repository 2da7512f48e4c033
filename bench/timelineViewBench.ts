import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/core/db/openDatabase';
import { findChromium } from '../scripts/chromium.mjs';
import { setUpCompareLibrary } from './compareBench';
import type { TraceEvent } from './flingTrace';
import { addByKind, FLING_KINDS, mainThreadTasks, startTrace } from './flingTrace';
import { seededRandom } from './random';
import { startHost } from './startHost';
import { VIEW_WINDOW } from './viewsBench';

/**
 * `npx tsx bench/timelineViewBench.ts [--articles 100000] [--runs 8] [--settle MS] [--no-trace]`: only the views
 * bench's Timeline sample (viewsBench.ts: a click on "Timeline" after a reload, as soon as the
 * library's first rows are painted or `--settle` ms after, to `marginalia:timeline-drawn`), on the cached bench library (`npm run bench -- --reuse`) after the
 * compare section's setup, which is done once and kept as .bench/timeline-view-N.db. Each sample
 * is split by the page's Resource Timing of the `timeline` request (click to request sent, to its
 * answer in, to the lanes drawn) and, traced, by the renderer main thread's CPU (`tdur`) by kind
 * before the request is sent and after its answer is in.
 */
const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '8' }, settle: { type: 'string', default: '0' }, 'no-trace': { type: 'boolean', default: false } } });
const articles = Number(values.articles);
const directory = path.resolve('.bench');
const cached = path.join(directory, 'cache', `library-${articles}-${values.seed}.db`);
const prepared = path.join(directory, `timeline-view-${articles}.db`);
const log = (line: string) => console.error(line);

if (!fs.existsSync(prepared)) {
  if (!fs.existsSync(cached)) throw new Error(`No ${cached}: run \`npm run bench -- --articles ${articles} --reuse --only compare\` once.`);
  log(`Copying ${path.relative(process.cwd(), cached)} and setting it up as the compare section does…`);
  fs.copyFileSync(cached, `${prepared}.part`);
  const db = openDatabase(`${prepared}.part`);
  setUpCompareLibrary(db, articles, seededRandom(Number(values.seed) + 3), log);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(`${prepared}.part`, prepared);
}

interface Sample {
  drawnMs: number;
  sentMs: number;
  answeredMs: number;
  bytes: number;
  ahead: string[];
  scripts: string[];
  /** Renderer main thread CPU by kind (ms): before the request is sent, after its answer is in. */
  before?: Record<string, number>;
  after?: Record<string, number>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function cpuByKind(events: TraceEvent[], from: number, to: number): Record<string, number> {
  const into = Object.fromEntries(FLING_KINDS.map((kind) => [kind, 0])) as Record<(typeof FLING_KINDS)[number], number>;
  for (const task of mainThreadTasks(events)) if (task.end > from && task.event.ts < to) addByKind(task, into, 'other');
  return Object.fromEntries(Object.entries(into).filter(([, ms]) => ms >= 0.05).map(([kind, ms]) => [kind, round(ms)]));
}

const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
const host = await startHost(prepared);
try {
  const page = await browser.newPage({ viewport: VIEW_WINDOW });
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.goto(host.url);
  const samples: Sample[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    await page.reload({ timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:library-rows-painted').length > 0, null, { timeout: 120_000 });
    // The views bench clicks as soon as the library's first rows are painted (what they ask next may still be on the host).
    if (Number(values.settle) > 0) await page.waitForTimeout(Number(values.settle));
    const trace = values['no-trace'] ? null : await startTrace(page);
    const timing = await page.evaluate(async () => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Views"] button')].find((candidate) => candidate.textContent === 'Timeline')!;
      performance.mark('bench:timeline-click');
      const started = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () => (performance.getEntriesByName('marginalia:timeline-drawn').some((entry) => entry.startTime >= started) ? resolve() : setTimeout(check, 2));
        check();
      });
      const drawn = performance.getEntriesByName('marginalia:timeline-drawn').find((entry) => entry.startTime >= started)!.startTime;
      const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.endsWith('/api/timeline') && entry.startTime >= started)!;
      // Requests the host was still answering when the timeline's was sent (it answers one at a time).
      const ahead = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry !== request && entry.name.includes('/api/') && entry.startTime < request.startTime && entry.responseEnd > request.startTime).map((entry) => `${entry.name.split('/api/')[1]} until ${Math.round(entry.responseEnd - started)}`);
      // Scripts asked for after the click (the view's own, if it was not preloaded yet): when each was asked for and in.
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith('.js') && entry.responseEnd > started).map((entry) => `${entry.name.split('/').at(-1)} ${Math.round(entry.startTime - started)}–${Math.round(entry.responseEnd - started)}`);
      return { drawnMs: drawn - started, sentMs: request.startTime - started, answeredMs: request.responseEnd - started, bytes: request.encodedBodySize, ahead, scripts };
    });
    const sample: Sample = { ...timing };
    if (trace) {
      const events = await trace.stop();
      const mark = (name: string) => events.find((event) => event.name === name && event.ph !== 'M')?.ts;
      const click = mark('bench:timeline-click');
      const drawn = mark('marginalia:timeline-drawn');
      const send = events.find((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url?.endsWith('/api/timeline'));
      const finish = events.find((event) => event.name === 'ResourceFinish' && event.args?.data?.requestId === send?.args?.data?.requestId);
      if (process.env.TIMELINE_TRACE_DUMP) fs.writeFileSync(process.env.TIMELINE_TRACE_DUMP, JSON.stringify(events));
      if (click !== undefined && drawn !== undefined && send && finish) {
        sample.before = cpuByKind(events, click, send.ts);
        sample.after = cpuByKind(events, finish.ts, drawn);
      }
    }
    samples.push(sample);
    log(`  ${round(sample.drawnMs)} ms drawn: sent at ${round(sample.sentMs)}, answered at ${round(sample.answeredMs)} (${Math.round(sample.bytes / 1024)} KB)${sample.ahead.length > 0 ? `, behind ${sample.ahead.join(', ')}` : ''}${sample.scripts.length > 0 ? `, scripts ${sample.scripts.join(', ')}` : ''}${sample.before ? `; CPU before sent ${JSON.stringify(sample.before)}, after answer ${JSON.stringify(sample.after)}` : ''}`);
  }
  const marks = await page.locator('.timeline-mark').count();
  const sum = (record: Record<string, number> | undefined) => Object.values(record ?? {}).reduce((a, b) => a + b, 0);
  const traced = samples.filter((sample) => sample.after);
  console.log(
    [
      `Timeline drawn at ${articles.toLocaleString('en')} articles, ${marks} marks, ${samples.length} samples (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`,
      `  click to drawn median ${round(median(samples.map((s) => s.drawnMs)))} ms (${round(Math.min(...samples.map((s) => s.drawnMs)))}–${round(Math.max(...samples.map((s) => s.drawnMs)))})`,
      `  request sent median ${round(median(samples.map((s) => s.sentMs)))} ms; answer in ${round(median(samples.map((s) => s.answeredMs - s.sentMs)))} ms later; drawn ${round(median(samples.map((s) => s.drawnMs - s.answeredMs)))} ms after it (${Math.round(median(samples.map((s) => s.bytes)) / 1024)} KB)`,
      traced.length > 0 ? `  main thread CPU median: before sent ${round(median(traced.map((s) => sum(s.before))))} ms, after the answer ${round(median(traced.map((s) => sum(s.after))))} ms (${FLING_KINDS.map((kind) => `${kind} ${round(median(traced.map((s) => s.after![kind] ?? 0)))}`).join(', ')})` : '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
}
