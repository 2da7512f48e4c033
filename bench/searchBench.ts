import type Database from 'better-sqlite3';
import type { Db } from '../src/core/db/db';
import { planSearch, searchLibrary } from '../src/core/search/search';
import type { SearchType } from '../src/shared/search/parseQuery';
import { parseQuery } from '../src/shared/search/parseQuery';
import { BENCH_TAGS } from './annotationBench';
import type { Corpus } from './corpus';
import { generateArticle } from './corpus';
import type { Random } from './random';
import { pick, randomInt, seededRandom } from './random';
import { OUTLETS } from './vocabulary';

/**
 * Search latency per query class through searchLibrary (parse, plan, run, map to the contract's
 * results) beside its floor: the very statements searchLibrary runs, prepared beforehand and run
 * raw through better-sqlite3 with the same parameters.
 */
export interface SearchFigures {
  class: string;
  /** One query of the class, as an example. */
  query: string;
  queries: number;
  /** Median number of FTS matches (of every kind searched) before the candidate cap: how selective the class is. */
  medianMatches: number;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number;
  floorP95Ms: number;
  /**
   * CPU time of the same runs (process.cpuUsage). Wall time is what a user waits; CPU time leaves
   * out waiting for a core, so on a busy machine it shows what the query itself costs.
   */
  cpuP50Ms: number;
  cpuP95Ms: number;
  floorCpuP50Ms: number;
  floorCpuP95Ms: number;
  /** Which budget the class is held to (ARCHITECTURE.md), in ms at p95; null if none. */
  budgetP95Ms: number | null;
}

export const SEARCH_LIMIT = 20;

const FTS_TABLES: Record<SearchType, string> = { source: 'sources_fts', highlight: 'highlights_fts', note: 'notes_fts' };
/** Every query runs at least this often, and every class gets at least MIN_SAMPLES timings. */
const REPETITIONS = 5;
const MIN_SAMPLES = 50;
const QUERIES_PER_CLASS = 40;

interface QueryClass {
  name: string;
  budgetP95Ms: number | null;
  queries: string[];
}

/** word -> [script, rank], to pick words of a known frequency out of generated articles. */
function rankIndex(corpus: Corpus): Map<string, [number, number]> {
  const index = new Map<string, [number, number]>();
  corpus.vocabularies.forEach((vocabulary, script) => vocabulary.words.forEach((word, rank) => index.set(word, [script, rank])));
  return index;
}

/**
 * Queries built from words of articles that were really imported, so every rare word and phrase
 * has at least one match. Rank bounds are per script (the Cyrillic and Armenian vocabularies are smaller).
 */
function makeQueryClasses(corpus: Corpus, articles: number, random: Random): QueryClass[] {
  const ranks = rankIndex(corpus);
  const sentences = (index: number) => generateArticle(corpus, index).body.split(/[.,\n]+/u).map((s) => s.trim().toLowerCase().split(/\s+/u).filter(Boolean));
  /** Words (or adjacent pairs) from random articles whose ranks satisfy `accept`. */
  const draw = (count: number, size: 1 | 2, accept: (script: number, rank: number) => boolean): string[][] => {
    const found: string[][] = [];
    for (let attempts = 0; found.length < count && attempts < count * 200; attempts++) {
      const words = pick(random, sentences(randomInt(random, 0, articles - 1))) ?? [];
      const at = randomInt(random, 0, Math.max(0, words.length - size));
      const candidate = words.slice(at, at + size);
      if (candidate.length === size && candidate.every((word) => ranks.has(word) && accept(...ranks.get(word)!))) found.push(candidate);
    }
    return found;
  };
  const rare = (script: number, rank: number) => rank >= [20_000, 5_000, 3_000][script]!;
  const middling = (script: number, rank: number) => rank >= 100 && rank < [2_000, 1_000, 600][script]!;
  const latin = corpus.vocabularies[0]!.words;
  const year = () => 2010 + randomInt(random, 0, 13);
  return [
    { name: 'rare word', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 1, rare).map(([word]) => word!) },
    { name: 'phrase', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 2, (_, rank) => rank >= 50).map((pair) => `"${pair.join(' ')}"`) },
    { name: 'filtered: outlet', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 1, middling).map(([word]) => `${word} outlet:"${pick(random, OUTLETS)}"`) },
    { name: 'filtered: year', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 1, middling).map(([word]) => { const y = year(); return `${word} after:${y - 1}-12-31 before:${y + 1}-01-01`; }) },
    { name: 'two words', budgetP95Ms: null, queries: draw(QUERIES_PER_CLASS, 2, middling).map((pair) => pair.join(' ')) },
    { name: 'prefix (4 letters)', budgetP95Ms: null, queries: draw(QUERIES_PER_CLASS, 1, (_, rank) => rank >= 200).filter(([w]) => [...w!].length >= 6).map(([word]) => `${[...word!].slice(0, 4).join('')}*`) },
    { name: 'prefix (3 letters)', budgetP95Ms: null, queries: draw(20, 1, (_, rank) => rank >= 200).filter(([w]) => [...w!].length >= 5).map(([word]) => `${[...word!].slice(0, 3).join('')}*`) },
    { name: 'prefix (2 letters)', budgetP95Ms: null, queries: draw(10, 1, () => true).map(([word]) => `${[...word!].slice(0, 2).join('')}*`) },
    { name: 'highlights: word', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 1, middling).map(([word]) => `${word} type:highlight`) },
    { name: 'highlights: tag', budgetP95Ms: 20, queries: BENCH_TAGS.map((tag) => `tag:${tag}`) },
    { name: 'notes: word', budgetP95Ms: 20, queries: draw(QUERIES_PER_CLASS, 1, middling).map(([word]) => `${word} type:note`) },
    { name: 'common word', budgetP95Ms: 100, queries: latin.slice(1, 11) },
    { name: 'most common word', budgetP95Ms: 100, queries: [latin[0]!] },
  ];
}

const round = (value: number) => Number(value.toFixed(3));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** p50 and p95 of wall and CPU time. */
function summarize(samples: Sample[]): { p50: number; p95: number; cpuP50: number; cpuP95: number } {
  const wall = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
}

function measureClass(db: Db, queryClass: QueryClass): SearchFigures {
  const countMatches = Object.fromEntries(
    Object.entries(FTS_TABLES).map(([type, table]) => [type, db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck()]),
  ) as Record<SearchType, Database.Statement>;
  const prepared = queryClass.queries.map((query) => {
    const plans = planSearch(db, parseQuery(query), { limit: SEARCH_LIMIT });
    const statements: [Database.Statement, Record<string, string | number>][] = plans.map((plan) => [db.prepare(plan.sql), plan.params]);
    // Every kind's matches: sources, highlights and notes each run their own statement.
    const matches = plans.reduce((total, plan) => total + (countMatches[plan.type].get(plan.params.match) as number), 0);
    return { query, statements, matches };
  });
  // A class whose every query finds nothing measures an empty index, not search (as the 100,000-article
  // cache did while its highlights and notes were inserted without their index entries).
  if (prepared.length > 0 && prepared.every(({ matches }) => matches === 0)) {
    throw new Error(`Search bench: no query of "${queryClass.name}" matches anything in the generated library; its index is missing. Delete .bench/cache and run again.`);
  }
  const api = () => prepared.map(({ query }) => time(() => searchLibrary(db, query, { limit: SEARCH_LIMIT })));
  const floor = () => prepared.map(({ statements }) => time(() => statements.forEach(([statement, params]) => statement.all(params))));
  api();
  floor(); // warm the page cache and both statement caches
  const apiSamples: Sample[] = [];
  const floorSamples: Sample[] = [];
  const repetitions = Math.max(REPETITIONS, Math.ceil(MIN_SAMPLES / Math.max(1, prepared.length)));
  for (let r = 0; r < repetitions; r++) {
    // Alternate which goes first, so neither always runs on the other's warm cache.
    if (r % 2 === 0) {
      apiSamples.push(...api());
      floorSamples.push(...floor());
    } else {
      floorSamples.push(...floor());
      apiSamples.push(...api());
    }
  }
  const apiFigures = summarize(apiSamples);
  const floorFigures = summarize(floorSamples);
  const matches = prepared.map((p) => p.matches).sort((a, b) => a - b);
  return {
    class: queryClass.name,
    query: queryClass.queries[0] ?? '',
    queries: queryClass.queries.length,
    medianMatches: percentile(matches, 50),
    p50Ms: round(apiFigures.p50),
    p95Ms: round(apiFigures.p95),
    floorP50Ms: round(floorFigures.p50),
    floorP95Ms: round(floorFigures.p95),
    cpuP50Ms: round(apiFigures.cpuP50),
    cpuP95Ms: round(apiFigures.cpuP95),
    floorCpuP50Ms: round(floorFigures.cpuP50),
    floorCpuP95Ms: round(floorFigures.cpuP95),
    budgetP95Ms: queryClass.budgetP95Ms,
  };
}

export function runSearchBench(db: Db, corpus: Corpus, articles: number, log: (line: string) => void): SearchFigures[] {
  const classes = makeQueryClasses(corpus, articles, seededRandom(corpus.seed + 1));
  return classes.map((queryClass) => {
    log(`  ${queryClass.name} (${queryClass.queries.length} queries)`);
    return measureClass(db, queryClass);
  });
}
