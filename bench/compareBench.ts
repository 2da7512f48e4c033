import type Database from 'better-sqlite3';
import type { Db } from '../src/core/db/db';
import { distinctValues } from '../src/core/db/distinctValues';
import { renameCode } from '../src/core/compare/codes';
import { addToCollection } from '../src/core/compare/collections';
import { codeMatrix, matrixSql } from '../src/core/compare/matrix';
import { setOutlet } from '../src/core/compare/outlets';
import type { PassageQuery } from '../src/core/compare/passages';
import type { PageStep } from '../src/core/compare/passages';
import { passagePageSql, queryPassages, tryProbe } from '../src/core/compare/passages';
import { relatedCoverage, relatedPlan, SECOND_PASS } from '../src/core/compare/related';
import { bucketDaysFor, stretches, timeline, timelineSql } from '../src/core/compare/timeline';
import { TIMELINE_MAX_MARKS } from '../src/shared/domain/compare';
import { SourcePageRequest } from '../src/shared/domain/sourceList';
import { listSourcePage, sourcePageSql } from '../src/core/sourceList/listSourcePage';
import type { Random } from './random';
import { pick, randomInt } from './random';
import { OUTLETS } from './vocabulary';
import { TIMELINE_VIEW_MARKS } from './viewsBench';

/**
 * Comparing across sources (issue 11) on the bench library: the passages query for each kind of
 * filter (first page of 200 and its total), the code matrix by outlet, related coverage for one
 * source, and the timeline, each beside its floor (the same SQL prepared beforehand and run raw).
 * Setup, untimed except where said: outlets get countries, the flat bench tags become a two-level
 * codebook through renameCode (timed: it re-indexes every affected highlight), a tenth of the
 * sources go into a collection.
 */
export interface CompareFigure {
  name: string;
  runs: number;
  /** Rows of the first page / the total matching, for the passages cases. */
  rows: number | null;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number;
  floorP95Ms: number;
  /** CPU time of the API runs (process.cpuUsage): on a busy machine, what the work itself costs. */
  cpuP50Ms: number;
  cpuP95Ms: number;
  budgetP95Ms: number | null;
}

export interface CompareFigures {
  setup: { renameCodesMs: number; highlightsRecoded: number };
  figures: CompareFigure[];
}

const COUNTRIES = ['AZ', 'AM', 'PK', 'AZ', 'RU', 'RU', 'RU', 'RU', 'RU', 'AM', 'US', 'US', 'AM', 'AM', 'AM', 'US', 'GE', 'GE', 'AZ', 'AZ', 'PK', 'PK', 'GB', 'US', 'GB', 'QA', 'GB', 'FR', 'DE', 'TR'];
const CODEBOOK: Record<string, string> = { blockade: 'framing/blockade', protest: 'framing/protest', ceasefire: 'events/ceasefire', talks: 'events/talks', peacekeepers: 'actors/peacekeepers' };

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round = (value: number) => Number(value.toFixed(2));

function timings(runs: number, run: (index: number) => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < runs; index++) {
    const used = process.cpuUsage();
    const start = performance.now();
    run(index);
    wall.push(performance.now() - start);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

function figure(name: string, runs: number, rows: number | null, budgetP95Ms: number | null, api: (index: number) => unknown, floor: (index: number) => unknown): CompareFigure {
  // One warm-up of each, so both read a warm page cache.
  api(0);
  floor(0);
  const apiSamples = timings(runs, api);
  const floorSamples = timings(runs, floor).wall;
  const wall = apiSamples.wall;
  return { name, runs, rows, p50Ms: round(percentile(wall, 50)), p95Ms: round(percentile(wall, 95)), floorP50Ms: round(percentile(floorSamples, 50)), floorP95Ms: round(percentile(floorSamples, 95)), cpuP50Ms: round(percentile(apiSamples.cpu, 50)), cpuP95Ms: round(percentile(apiSamples.cpu, 95)), budgetP95Ms };
}

/** The compare section's setup (untimed but for the renames): outlets get countries, the flat bench tags become a two-level codebook, a tenth of the sources go into a collection. The views benches run on a library set up so. */
export function setUpCompareLibrary(db: Db, articles: number, random: Random, log: (line: string) => void): CompareFigures['setup'] {
  OUTLETS.forEach((outlet, index) => {
    if (db.prepare('SELECT 1 FROM sources WHERE outlet = ?').get(outlet)) setOutlet(db, outlet, { country: COUNTRIES[index % COUNTRIES.length]! });
  });
  const before = db.prepare('SELECT count(*) FROM highlight_tags').pluck().get() as number;
  const renameStart = performance.now();
  let recoded = 0;
  for (const [from, to] of Object.entries(CODEBOOK)) {
    if (db.prepare('SELECT 1 FROM tags WHERE name_key = ?').get(from)) recoded += renameCode(db, from, to).passageCount;
  }
  const renameCodesMs = round(performance.now() - renameStart);
  log(`  renamed ${Object.keys(CODEBOOK).length} codes (${recoded.toLocaleString('en')} passages, ${before.toLocaleString('en')} codings) in ${renameCodesMs} ms`);
  const collected = Array.from({ length: Math.floor(articles / 10) }, () => randomInt(random, 1, articles));
  addToCollection(db, 'Bench sample', [...new Set(collected)]);
  return { renameCodesMs, highlightsRecoded: recoded };
}

export function runCompareBench(db: Db, articles: number, random: Random, log: (line: string) => void): CompareFigures {
  const setup = setUpCompareLibrary(db, articles, random, log);

  const words = db.prepare("SELECT exact FROM highlights WHERE id % 97 = 0 LIMIT 50").pluck().all() as string[];
  const middlingWord = () => pick(random, pick(random, words).split(/\s+/u).filter((word) => /^\p{L}{6,}$/u.test(word))) ?? 'blockade';
  const month = () => {
    const year = 2010 + randomInt(random, 0, 13);
    const m = String(randomInt(random, 1, 12)).padStart(2, '0');
    return { after: `${year}-${m}-01`, before: `${year}-${m}-28` };
  };
  // A page's statements (one, or the walk through the outlets' parts) run raw in turn until the page is full.
  const runRaw = (pages: Database.Statement[], steps: readonly PageStep[], limit: number) => {
    let rows = 0;
    for (const [index, page] of pages.entries()) if ((rows += page.all(...steps[index]!.params).length) > limit) break;
  };
  const cases: { name: string; queries: PassageQuery[] }[] = [
    { name: 'passages: no filter', queries: [{}] },
    { name: 'passages: code with children', queries: [{ filter: { code: 'framing' } }, { filter: { code: 'events' } }] },
    { name: 'passages: one code', queries: Object.values(CODEBOOK).map((code) => ({ filter: { code } })) },
    { name: 'passages: outlet', queries: OUTLETS.slice(0, 10).map((outlet) => ({ filter: { outlet } })) },
    { name: 'passages: country', queries: ['AZ', 'AM', 'RU', 'US'].map((country) => ({ filter: { country } })) },
    { name: 'passages: one month', queries: Array.from({ length: 10 }, () => ({ filter: month() })) },
    { name: 'passages: words', queries: Array.from({ length: 10 }, () => ({ filter: { words: middlingWord() } })) },
    { name: 'passages: collection', queries: [{ filter: { collection: 'Bench sample' } }] },
    { name: 'passages: outlet + code', queries: OUTLETS.slice(0, 5).map((outlet) => ({ filter: { outlet, code: 'framing' } })) },
    { name: 'passages: sorted by outlet', queries: [{ sort: 'outlet' }] },
  ];
  const figures: CompareFigure[] = [];
  for (const { name, queries } of cases) {
    const statements = queries.map((query) => {
      const plan = passagePageSql(db, { ...query, limit: 200 });
      return { pages: plan.steps.map((step) => db.prepare(step.sql)), probe: plan.probe && db.prepare(plan.probe.sql), count: db.prepare(plan.countSql).pluck(), plan };
    });
    const total = queryPassages(db, { ...queries[0]!, limit: 200 }).total;
    const runs = Math.max(20, queries.length * 3);
    figures.push(
      figure(name, runs, total, 50, (index) => queryPassages(db, { ...queries[index % queries.length]!, limit: 200 }), (index) => {
        const { pages, probe, count, plan } = statements[index % statements.length]!;
        // As queryPassages: the count, then the probe where the count says it is worth it, then the page if the probe fell short.
        const matches = count.get(...plan.countParams) as number;
        if (probe && tryProbe(db, matches, 200) && probe.all(...plan.probe!.params).length > 200) return;
        runRaw(pages, plan.steps, 200);
      }),
    );
    log(`  ${name}: p95 ${figures.at(-1)!.p95Ms} ms`);
  }

  // The library list filtered by its commonest language, in each sort (issue 13: migration 17's
  // indexes): one page of 200 with its counts, beside the page's statement alone.
  const language = db.prepare('SELECT language FROM sources WHERE language IS NOT NULL GROUP BY language ORDER BY count(*) DESC LIMIT 1').pluck().get() as string | undefined;
  if (language !== undefined) {
    for (const sort of ['date', 'title', 'outlet', 'author'] as const) {
      const request = SourcePageRequest.parse({ sort, language, limit: 200 });
      const plan = sourcePageSql(db, request);
      const statement = db.prepare(plan.sql);
      const total = listSourcePage(db, request).total;
      figures.push(figure(`library list: language "${language}", by ${sort}`, 20, total, 50, () => listSourcePage(db, request), () => statement.all(plan.params)));
      log(`  ${figures.at(-1)!.name}: p95 ${figures.at(-1)!.p95Ms} ms`);
    }
  }

  // A page deep in the list: the 50th page of 200, reached by its cursor.
  let cursor: string | null = null;
  for (let page = 0; page < 49 && (page === 0 || cursor !== null); page++) cursor = queryPassages(db, { limit: 200, after: cursor, count: false }).next;
  if (cursor !== null) {
    const deep = passagePageSql(db, { limit: 200, after: cursor });
    const deepPages = deep.steps.map((step) => db.prepare(step.sql));
    figures.push(figure('passages: 50th page (keyset)', 20, null, 50, () => queryPassages(db, { limit: 200, after: cursor }), () => { runRaw(deepPages, deep.steps, 200); db.prepare(deep.countSql).pluck().get(...deep.countParams); }));
  }

  // The floor: the same two reads raw, no counting: each outlet's source ids, and every coding
  // stepped by SQLite in source order (`count(*)` over the rows the matrix's function is handed).
  const matrixPlan = matrixSql(db);
  const matrixStatement = db.prepare(`SELECT count(*) ${matrixPlan.from}`).pluck();
  const outletStatement = db.prepare('SELECT id FROM sources INDEXED BY sources_outlet WHERE outlet IS ?').pluck();
  const matrixFloor = () => {
    for (const outlet of distinctValues(db, 'outlet')) outletStatement.all(outlet);
    matrixStatement.get(...matrixPlan.params);
  };
  figures.push(figure('matrix by outlet', 10, null, 100, () => codeMatrix(db, 'outlet'), matrixFloor));
  log(`  matrix by outlet: p95 ${figures.at(-1)!.p95Ms} ms`);

  const dated = db.prepare('SELECT id FROM sources WHERE published_at IS NOT NULL AND id % 53 = 0 LIMIT 20').pluck().all() as number[];
  const plans = dated.map((id) => relatedPlan(db, id));
  const read = db.prepare('SELECT id, title, outlet, published_at, body FROM sources WHERE id = ?');
  const lookups = plans.map((plan) => db.prepare(plan.lookupSql).pluck() as Database.Statement);
  figures.push(
    figure('related coverage (one source)', dated.length, null, 200, (index) => relatedCoverage(db, dated[index % dated.length]!), (index) => {
      const plan = plans[index % plans.length]!;
      const ids = new Set<number>();
      for (const params of plan.lookupParams) for (const id of lookups[index % plans.length]!.all(...params) as number[]) ids.add(id);
      [...ids].slice(0, SECOND_PASS).forEach((id) => read.get(id));
    }),
  );
  log(`  related coverage: p95 ${figures.at(-1)!.p95Ms} ms`);

  // The timeline's marks (aggregated per lane and stretch of the axis), for every dated source (the
  // view's default) and for those with passages, each at the marks a lane the view asks in the views
  // bench's 1,280-pixel window (TIMELINE_VIEW_MARKS: what the page sends) and at the most a lane
  // draws (TIMELINE_MAX_MARKS, a wide window); the floor runs the same statements raw, the axis's
  // ends found beforehand.
  const sets = [['every dated source', false], ['sources with passages', true]] as const;
  for (const [maxMarks, width] of [[TIMELINE_VIEW_MARKS, 'the view at 1,280 px'], [TIMELINE_MAX_MARKS, 'the most']] as const) {
    for (const [set, codedOnly] of sets) {
      const name = `timeline: ${set}, ${maxMarks} a lane (${width})`;
      const options = { codedOnly, maxMarks };
      const plan = timelineSql(options);
      const [from, to] = db.prepare(plan.rangeSql).raw().get(...plan.params, ...plan.params) as [string, string];
      const outlets = distinctValues(db, 'outlet');
      const axis = stretches(from, to, bucketDaysFor(from, to, maxMarks));
      const [range, count, first, last, passages, undated] = [plan.rangeSql, plan.countSql, plan.firstSql, plan.lastSql, plan.passagesSql, plan.undatedSql].map((sql) => db.prepare(sql).raw());
      figures.push(
        figure(name, 5, null, 200, () => timeline(db, options), () => {
          range!.get(...plan.params, ...plan.params);
          for (const outlet of outlets) {
            for (const [start, end] of axis) {
              const seek = [outlet, start, end, ...plan.params];
              if ((count!.get(...seek) as [number])[0] === 0) continue;
              first!.get(...seek);
              last!.get(...seek);
              passages!.all(...seek);
            }
          }
          for (const outlet of outlets) undated!.get(outlet);
        }),
      );
      log(`  ${name}: p95 ${figures.at(-1)!.p95Ms} ms (CPU ${figures.at(-1)!.cpuP95Ms} ms)`);
    }
  }
  return { setup, figures };
}

export function formatCompareReport(figures: CompareFigures): string {
  const lines = [`Comparing across sources (renaming 5 codes: ${figures.setup.renameCodesMs} ms for ${figures.setup.highlightsRecoded.toLocaleString('en')} passages)`];
  lines.push(`  ${'case'.padEnd(58)} ${'matches'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'floor p50'.padStart(10)} ${'floor p95'.padStart(10)} ${'CPU p50'.padStart(8)} ${'CPU p95'.padStart(8)}  budget (p95)`);
  for (const f of figures.figures) {
    const verdict = f.budgetP95Ms === null ? '' : `p95 < ${f.budgetP95Ms} ms ${f.p95Ms < f.budgetP95Ms ? 'ok' : 'OVER'}`;
    lines.push(`  ${f.name.padEnd(58)} ${String(f.rows ?? '').padStart(8)} ${f.p50Ms.toFixed(2).padStart(8)} ${f.p95Ms.toFixed(2).padStart(8)} ${f.floorP50Ms.toFixed(2).padStart(10)} ${f.floorP95Ms.toFixed(2).padStart(10)} ${f.cpuP50Ms.toFixed(2).padStart(8)} ${f.cpuP95Ms.toFixed(2).padStart(8)}  ${verdict}`);
  }
  return lines.join('\n');
}
