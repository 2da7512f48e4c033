import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from '../scripts/chromium.mjs';
import { startHost } from './startHost';

/**
 * The views across sources in Chromium through the browser host (issue 11), on the bench library
 * after the compare setup (codes, outlets with countries): from a click on the header's
 * "Passages" to its first rows painted (`marginalia:passage-rows-painted`, PassagesPage.tsx),
 * budget < 150 ms; from a click on "Timeline" to its lanes drawn (`marginalia:timeline-drawn`,
 * TimelinePage.tsx), budget < 200 ms. Each sample starts from a reload (an empty query cache: the
 * view asks the library, as when first opened), after the library's own first rows.
 */
export const VIEW_BUDGETS = { passagesFirstRowsMs: 150, timelineDrawnMs: 200 };

/** The window the views are measured in. */
export const VIEW_WINDOW = { width: 1280, height: 900 };

/**
 * The marks a lane the Timeline asks the library for in VIEW_WINDOW (TimelinePage.tsx: marksFitting
 * of its lanes' box, about 800 pixels wide beside the notes column, 28 pixels a mark). The compare
 * section times the timeline query at this many (compareBench.ts), so that its figure is the query
 * the view sends; this bench records what the page asked and says so when the layout changed it.
 */
export const TIMELINE_VIEW_MARKS = 16;

export interface ViewFigures {
  highlights: number;
  passagesFirstRowsMs: number;
  passagesFirstRowsMaxMs: number;
  timelineDrawnMs: number;
  timelineDrawnMaxMs: number;
  /** Marks the timeline drew (aggregated by the query: as many a lane as the 1,280-pixel window shows side by side). */
  timelineMarks: number;
  /** The marks a lane the page asked for (the request's maxMarks): TIMELINE_VIEW_MARKS unless the layout changed. */
  timelineMarksAsked: number | null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Clicks the header's `view` button and resolves with the ms until the page sets `mark`. */
async function timeView(page: Page, view: string, mark: string): Promise<number> {
  // A reload of a 100,000-article library on a loaded machine can take longer than Playwright's 30 s.
  await page.reload({ timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('marginalia:library-rows-painted').length > 0, null, { timeout: 120_000 });
  return page.evaluate(
    async ([label, name]) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Views"] button')].find((candidate) => candidate.textContent === label);
      if (!button) throw new Error(`No "${label}" button in the header.`);
      const started = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () => (performance.getEntriesByName(name).some((entry) => entry.startTime >= started) ? resolve() : setTimeout(check, 2));
        check();
      });
      return performance.getEntriesByName(name).find((entry) => entry.startTime >= started)!.startTime - started;
    },
    [view, mark] as const,
  );
}

export async function runViewsBench({ libraryFile, highlights, runs = 5, log = (line: string) => console.error(line) }: { libraryFile: string; highlights: number; runs?: number; log?: (line: string) => void }): Promise<ViewFigures> {
  if (!fs.existsSync(path.resolve(import.meta.dirname, '../out/renderer/index.html'))) throw new Error('No built renderer in out/: run `npx electron-vite build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: the views are measured in a browser (see scripts/chromium.mjs).');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const host = await startHost(libraryFile);
  try {
    const page = await browser.newPage({ viewport: VIEW_WINDOW });
    let timelineMarksAsked: number | null = null;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/timeline') timelineMarksAsked = (JSON.parse(request.postData() ?? '{}') as { maxMarks?: number }).maxMarks ?? null;
    });
    // tsx compiles the functions below with esbuild's keepNames, whose __name helper the page lacks.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.goto(host.url);
    const passages: number[] = [];
    const timeline: number[] = [];
    for (let run = 0; run < runs; run++) passages.push(await timeView(page, 'Passages', 'marginalia:passage-rows-painted'));
    log(`  Passages, click to first rows (ms): ${passages.map((ms) => ms.toFixed(0)).join(', ')}`);
    for (let run = 0; run < runs; run++) timeline.push(await timeView(page, 'Timeline', 'marginalia:timeline-drawn'));
    log(`  Timeline, click to lanes drawn (ms): ${timeline.map((ms) => ms.toFixed(0)).join(', ')}`);
    const timelineMarks = await page.locator('.timeline-mark').count();
    if (timelineMarksAsked !== TIMELINE_VIEW_MARKS) log(`  The Timeline asked ${timelineMarksAsked} marks a lane, the compare section timed ${TIMELINE_VIEW_MARKS}: set TIMELINE_VIEW_MARKS (viewsBench.ts) to what the page asks.`);
    return {
      highlights,
      passagesFirstRowsMs: round(median(passages)),
      passagesFirstRowsMaxMs: round(Math.max(...passages)),
      timelineDrawnMs: round(median(timeline)),
      timelineDrawnMaxMs: round(Math.max(...timeline)),
      timelineMarks,
      timelineMarksAsked,
    };
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
  }
}

export function formatViewsReport(f: ViewFigures, articles: number): string {
  const b = VIEW_BUDGETS;
  const verdict = (value: number, budget: number) => (value < budget ? 'ok' : 'OVER');
  return [
    `Views across sources at ${articles.toLocaleString('en')} articles, ${f.highlights.toLocaleString('en')} highlights (Chromium, browser host)`,
    `  Passages, click to first rows painted (median)        ${f.passagesFirstRowsMs} ms (slowest ${f.passagesFirstRowsMaxMs})   budget < ${b.passagesFirstRowsMs} ms ${verdict(f.passagesFirstRowsMs, b.passagesFirstRowsMs)}`,
    `  Timeline, click to ${f.timelineMarks.toLocaleString('en')} marks drawn, ${f.timelineMarksAsked ?? '?'} a lane asked (median) ${f.timelineDrawnMs} ms (slowest ${f.timelineDrawnMaxMs})   budget < ${b.timelineDrawnMs} ms ${verdict(f.timelineDrawnMs, b.timelineDrawnMs)}`,
  ].join('\n');
}
