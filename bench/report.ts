import type { AnnotationFigures } from './annotationBench';
import type { ImportFigures } from './importBench';
import type { SearchFigures } from './searchBench';

/** The JSON `--out` writes (issue 6); later sections (anchoring, typing) add their own keys. */
export interface BenchReport {
  articles: number;
  seed: number;
  sqlite: string;
  node: string;
  /** One-minute load average per core when the run ended: above 1, other work competed for the CPU. */
  loadPerCore: number;
  import: {
    seconds: number;
    floorSeconds: number;
    cpuSeconds: number;
    floorCpuSeconds: number;
    articlesPerSecond: number;
    floorArticlesPerSecond: number;
    megabytesOfText: number;
    libraryMegabytes: number;
    sizeRatio: number;
    sizeByTable: Record<string, number>;
  };
  /** The highlights and notes the search section also searches. */
  annotations: AnnotationFigures;
  search: SearchFigures[];
  peakRssMb: number;
}

/** The API may cost at most this much over its floor (ARCHITECTURE.md, performance budgets). */
export const API_OVERHEAD_BUDGET = 1.2;
/** Import must run at least this fraction of the floor's speed. */
export const IMPORT_SPEED_BUDGET = 0.5;
/** The library file may be at most this many bytes per character of imported text (issue 13). */
export const LIBRARY_SIZE_BUDGET = 2.5;

export function importReport(figures: ImportFigures): BenchReport['import'] {
  return {
    seconds: round(figures.seconds),
    floorSeconds: round(figures.floorSeconds),
    cpuSeconds: round(figures.cpuSeconds),
    floorCpuSeconds: round(figures.floorCpuSeconds),
    articlesPerSecond: Math.round(figures.articles / figures.seconds),
    floorArticlesPerSecond: Math.round(figures.articles / figures.floorSeconds),
    megabytesOfText: round(figures.megabytesOfText),
    libraryMegabytes: round(figures.libraryMegabytes),
    sizeRatio: round(figures.sizeRatio, 2),
    sizeByTable: figures.sizeByTable,
  };
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (api: number, floor: number) => `${((api / floor - 1) * 100).toFixed(0).padStart(3)} %`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

export function formatReport(report: BenchReport): string {
  const imp = report.import;
  const importSpeed = imp.floorSeconds / imp.seconds;
  const lines = [
    `Marginalia bench: ${report.articles.toLocaleString('en')} articles (seed ${report.seed}), SQLite ${report.sqlite}, Node ${report.node}`,
    `Load per core at the end: ${report.loadPerCore}${report.loadPerCore > 1 ? ' (other work competed for the CPU: p95 figures include its noise)' : ''}`,
    '',
    `Import (${imp.megabytesOfText} MB of text, in millions of characters of titles and bodies)`,
    `  Library file ${imp.libraryMegabytes} MB = ${imp.sizeRatio.toFixed(2)} x the text; budget <= ${LIBRARY_SIZE_BUDGET} x ${verdict(imp.sizeRatio <= LIBRARY_SIZE_BUDGET)}`,
    `  where: ${Object.entries(imp.sizeByTable)
      .filter(([, mb]) => mb >= 0.1)
      .map(([name, mb]) => `${name} ${mb} MB`)
      .join(', ')}`,
    table([
      ['', 'seconds', 'articles/s', 'floor s', 'floor art/s', 'speed vs floor', 'CPU s', 'floor CPU s', 'CPU speed vs floor', 'budget'],
      [
        'insertSource, batches of 500',
        imp.seconds.toFixed(2),
        String(imp.articlesPerSecond),
        imp.floorSeconds.toFixed(2),
        String(imp.floorArticlesPerSecond),
        `${(importSpeed * 100).toFixed(0)} %`,
        imp.cpuSeconds.toFixed(2),
        imp.floorCpuSeconds.toFixed(2),
        `${((imp.floorCpuSeconds / imp.cpuSeconds) * 100).toFixed(0)} %`,
        `>= 50 % ${verdict(importSpeed >= IMPORT_SPEED_BUDGET)}`,
      ],
    ]),
    '',
    `Highlights and notes: ${report.annotations.highlights.toLocaleString('en')} highlights and ${report.annotations.notes.toLocaleString('en')} notes added and indexed in ${report.annotations.seconds.toFixed(2)} s.`,
    '',
    'Search (sources, highlights and notes), limit 20, in ms. Floor: the same SQL run raw. +%: API over floor. CPU: the same runs\' CPU time.',
    table([
      ['class', 'example', 'matches', 'p50', 'floor', '+%', 'p95', 'floor', '+%', 'CPU p50 +%', 'CPU p95', 'p95 budget'],
      ...report.search.map((s) => [
        s.class,
        s.query.length > 30 ? `${s.query.slice(0, 29)}…` : s.query,
        String(s.medianMatches),
        ms(s.p50Ms),
        ms(s.floorP50Ms),
        ratio(s.p50Ms, s.floorP50Ms),
        ms(s.p95Ms),
        ms(s.floorP95Ms),
        ratio(s.p95Ms, s.floorP95Ms),
        ratio(s.cpuP50Ms, s.floorCpuP50Ms),
        ms(s.cpuP95Ms),
        s.budgetP95Ms === null ? '-' : `< ${s.budgetP95Ms} ${verdict(s.p95Ms < s.budgetP95Ms)}${s.p95Ms >= s.budgetP95Ms && s.cpuP95Ms < s.budgetP95Ms ? ' (CPU ok)' : ''}`,
      ]),
    ]),
    '',
    `Peak RSS: ${report.peakRssMb} MB`,
  ];
  return lines.join('\n');
}
