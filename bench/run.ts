import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addAnnotations } from './annotationBench';
import { createCorpus } from './corpus';
import { removeLibrary } from './benchLibrary';
import type { AnnotationFigures } from './annotationBench';
import type { ImportFigures } from './importBench';
import { runImportBench } from './importBench';
import { openDatabase } from '../src/core/db/openDatabase';
import type { Db } from '../src/core/db/db';
import { formatProcessImportReport, runProcessImportBench } from './processImportBench';
import type { BenchReport } from './report';
import { formatReport, importReport, IMPORT_SPEED_BUDGET } from './report';
import { seededRandom } from './random';
import { formatFileImportReport, runFileImportBench } from './fileImportBench';
import type { FileImportFigures } from './fileImportBench';
import type { EventLoopFigures } from './eventLoopBench';
import { formatEventLoopReport, runEventLoopBench } from './eventLoopBench';
import type { PaintFigures } from './paintBench';
import { runPaintBench } from './paintBench';
import type { ViewFigures } from './viewsBench';
import { formatPassagesFlingReport, type PassagesFlingFigures, runPassagesFlingBench } from './passagesFlingBench';
import { formatViewsReport, runViewsBench } from './viewsBench';
import { runSearchBench } from './searchBench';
import type { CliStartFigures } from './cliStartBench';
import { formatCliStartReport, runCliStartBench } from './cliStartBench';
import { buildCli } from '../scripts/build-cli.mjs';
import type { CompareFigures } from './compareBench';
import { formatCompareReport, runCompareBench } from './compareBench';
import { formatTriggerCost, runTriggerCostBench } from './triggerCostBench';
import type { LibraryFigures } from './libraryBench';
import { formatLibraryReport, runLibraryBench } from './libraryBench';
import type { TypingFigures } from './typingBench';
import { formatTyping, runTypingBench } from './typingBench';

/**
 * `npm run bench [-- --articles N] [--seed N] [--out FILE] [--keep]`: one run measures every
 * section beside its floor and prints a table. Sections: the CLI's start (cliStartBench.ts), import
 * (with the library's size per character of text), then highlights and notes added to the imported
 * library (annotationBench.ts), then search over all three, then comparing across sources
 * (compareBench.ts) and what the timeline's triggers cost a highlight written (triggerCostBench.ts),
 * Passages and Timeline painted in Chromium (viewsBench.ts) and a fling through every
 * passage in the Passages table (passagesFlingBench.ts), then `marginalia import` of Markdown
 * files as a whole process beside its raw floor (processImportBench.ts), then HTML and PDF file
 * import (fileImportBench.ts), then the browser host's event-loop delay during an HTML and PDF import
 * over HTTP (eventLoopBench.ts), then anchoring and painting 1,000 highlights in Chromium
 * (paintBench.ts), then typing in a 10,000-word note with 200 citations and saving it
 * (typingBench.ts), then the library list in Chromium on the imported library: cold start, first
 * rows, opening an article, flinging through every row, the heap (libraryBench.ts); the last
 * three are skipped, with the reason, without a build or a Chromium.
 */
const USAGE = 'Usage: npm run bench -- [--articles N (default 10000)] [--process-files N (default 3000)] [--seed N] [--out FILE.json] [--keep (leave .bench/library.db)] [--only compare (import, then only the compare section)] [--reuse (keep the generated library in .bench/cache and start from it next time)] [--no-import-floor (skip the import floor: only for generating a library to reuse)]';

interface Generated {
  imported: { figures: ImportFigures; db: Db; file: string };
  annotations: AnnotationFigures;
}

function generateLibrary(corpus: ReturnType<typeof createCorpus>, articles: number, seed: number, directory: string, log: (line: string) => void, floor = true): Generated {
  log(`Importing ${articles.toLocaleString('en')} articles (articles are generated outside the timed sections)…`);
  const imported = runImportBench(corpus, articles, directory, log, { floor });
  log('Adding highlights and notes…');
  const annotations = addAnnotations(imported.db, articles, seededRandom(seed + 2));
  return { imported, annotations };
}

/**
 * `--reuse`: the library as generated (import and annotations, before any section changes it) is
 * kept in .bench/cache with its import figures, and each later run starts from a copy of it, so a
 * 100,000-article run does not spend its first quarter of an hour generating the same file again.
 * The copy is opened as the app opens it, so a newer migration runs on it first. The import and
 * size figures are then those of the run that generated it (the report says so).
 */
function reuseLibrary(corpus: ReturnType<typeof createCorpus>, articles: number, seed: number, directory: string, log: (line: string) => void, floor: boolean): Generated {
  const cacheDirectory = path.join(directory, 'cache');
  const cached = path.join(cacheDirectory, `library-${articles}-${seed}.db`);
  const figuresFile = `${cached}.json`;
  const file = path.join(directory, 'library.db');
  if (!fs.existsSync(cached) || !fs.existsSync(figuresFile)) {
    const generated = generateLibrary(corpus, articles, seed, directory, log, floor);
    generated.imported.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.mkdirSync(cacheDirectory, { recursive: true });
    fs.copyFileSync(generated.imported.file, cached);
    fs.writeFileSync(figuresFile, JSON.stringify({ figures: generated.imported.figures, annotations: generated.annotations }));
    log(`  kept the generated library as ${path.relative(process.cwd(), cached)}`);
    return generated;
  }
  log(`Reusing ${path.relative(process.cwd(), cached)} (its import figures are those of the run that generated it)…`);
  removeLibrary(file);
  fs.copyFileSync(cached, file);
  // JSON keeps a floor not run (NaN) as null.
  const saved = JSON.parse(fs.readFileSync(figuresFile, 'utf8'), (_key, value: unknown) => (value === null ? Number.NaN : value)) as { figures: ImportFigures; annotations: AnnotationFigures };
  return { imported: { figures: saved.figures, db: openDatabase(file), file }, annotations: saved.annotations };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string', default: '10000' },
        'process-files': { type: 'string', default: '3000' },
        seed: { type: 'string', default: '42' },
        out: { type: 'string' },
        keep: { type: 'boolean', default: false },
        only: { type: 'string' },
        reuse: { type: 'boolean', default: false },
        'no-import-floor': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const articles = Number(values.articles);
  const processFiles = Number(values['process-files']);
  const seed = Number(values.seed);
  if (!Number.isInteger(articles) || articles < 100 || !Number.isInteger(seed) || !Number.isInteger(processFiles) || processFiles < 10) {
    console.error(`bench: --articles takes a whole number of at least 100, --process-files one of at least 10, and --seed a whole number.\n${USAGE}`);
    return 2;
  }
  const directory = path.resolve('.bench');
  const log = (line: string) => console.error(line);

  // First, while the machine is quietest: whole processes are the most sensitive to load.
  let cliStart: CliStartFigures | { skipped: string } = { skipped: '--only' };
  if (values.only === undefined) {
    log('Starting the CLI…');
    cliStart = await runCliStartBench();
    console.log(`${formatCliStartReport(cliStart)}\n`);
  }

  log(`Generating the vocabulary (seed ${seed})…`);
  const corpus = createCorpus(seed);
  const { imported, annotations } = values.reuse ? reuseLibrary(corpus, articles, seed, directory, log, !values['no-import-floor']) : generateLibrary(corpus, articles, seed, directory, log, !values['no-import-floor']);
  try {
    if (values.only !== undefined && values.only !== 'compare') throw new Error(`--only takes "compare", got "${values.only}".`);
    const compareOnly = values.only === 'compare';
    log('Searching…');
    const search = compareOnly ? [] : runSearchBench(imported.db, corpus, articles, log);
    const report: BenchReport = {
      articles,
      seed,
      sqlite: (imported.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      node: process.version,
      loadPerCore: Number((os.loadavg()[0]! / os.availableParallelism()).toFixed(2)),
      import: importReport(imported.figures),
      annotations: { ...annotations, seconds: Number(annotations.seconds.toFixed(3)) },
      search,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    console.log(formatReport(report));

    log('Comparing across sources…');
    const compare: CompareFigures = runCompareBench(imported.db, articles, seededRandom(seed + 3), log);
    console.log(`\n${formatCompareReport(compare)}`);
    log("Timing the timeline's triggers on highlight writes…");
    const triggerCost = runTriggerCostBench(imported.db, seededRandom(seed + 5));
    console.log(`\n${formatTriggerCost(triggerCost)}`);

    log('Passages and Timeline painted in Chromium…');
    let views: ViewFigures | { skipped: string };
    try {
      imported.db.pragma('wal_checkpoint(TRUNCATE)');
      views = await runViewsBench({ libraryFile: imported.file, highlights: annotations.highlights, log });
      console.log(`\n${formatViewsReport(views, articles)}`);
    } catch (error) {
      views = { skipped: (error as Error).message };
      console.log(`\nPassages and Timeline painting: skipped (${views.skipped})`);
    }
    log('Flinging through every passage in the Passages table…');
    let passagesFling: PassagesFlingFigures | { skipped: string };
    try {
      passagesFling = await runPassagesFlingBench({ libraryFile: imported.file, log });
      console.log(`\n${formatPassagesFlingReport(passagesFling)}`);
    } catch (error) {
      passagesFling = { skipped: (error as Error).message };
      console.log(`\nPassages table fling: skipped (${passagesFling.skipped})`);
    }
    if (compareOnly) {
      if (values.out) fs.writeFileSync(values.out, `${JSON.stringify({ ...report, compare, triggerCost, views, passagesFling }, null, 2)}\n`);
      return 0;
    }

    log(`Importing ${processFiles.toLocaleString('en')} Markdown files with \`marginalia import\`, beside the raw floor…`);
    // Built again here, not only before the CLI start section: a source saved while the bench ran
    // would otherwise make bin/marginalia.js fall back to compiling the sources on every run.
    await buildCli();
    const processImport = runProcessImportBench(corpus, processFiles, directory, log);
    const processImportMarkup = runProcessImportBench(corpus, processFiles, directory, log, { markup: true });
    console.log(`\n${formatProcessImportReport(processImport, IMPORT_SPEED_BUDGET, processImportMarkup)}`);

    log('Importing HTML and PDF files…');
    const files: FileImportFigures[] = await runFileImportBench({ htmlFiles: 300, pdfFiles: 300, directory, log });
    console.log(`\n${formatFileImportReport(files)}`);

    log('Measuring the host\'s event-loop delay during an import…');
    const eventLoop: EventLoopFigures[] = await runEventLoopBench({ htmlFiles: 300, pdfFiles: 300, directory, log });
    console.log(`\n${formatEventLoopReport(eventLoop)}`);

    log('Anchoring and painting 1,000 highlights…');
    let paint: PaintFigures | { skipped: string };
    try {
      paint = await runPaintBench({ runs: 7, seed, log });
      const total = Math.round((paint.anchorMs + paint.paintMs) * 10) / 10;
      console.log(
        `\nHighlights: ${paint.highlights.toLocaleString('en')} on a ${paint.characters.toLocaleString('en')}-character article\n` +
          `  re-anchor after a correction ${paint.anchorMs} ms + paint (median of 7) ${paint.paintMs} ms = ${total} ms; slowest paint ${paint.paintMaxMs} ms; budget < ${paint.budgetMs} ms ${total < paint.budgetMs ? 'ok' : 'OVER'}`,
      );
    } catch (error) {
      paint = { skipped: (error as Error).message };
      console.log(`\nHighlights painting: skipped (${paint.skipped})`);
    }

    log('Typing in a 10,000-word note with 200 citations…');
    let typing: TypingFigures | { skipped: string };
    try {
      typing = await runTypingBench({ runs: 3, seed, log });
      console.log(`\n${formatTyping(typing)}`);
    } catch (error) {
      typing = { skipped: (error as Error).message };
      console.log(`\nTyping: skipped (${typing.skipped})`);
    }
    log(`The library list at ${articles.toLocaleString('en')} articles…`);
    let list: LibraryFigures | { skipped: string };
    try {
      imported.db.pragma('wal_checkpoint(TRUNCATE)');
      list = await runLibraryBench({ libraryFile: imported.file, articles, log });
      console.log(`\n${formatLibraryReport(list)}`);
    } catch (error) {
      list = { skipped: (error as Error).message };
      console.log(`\nLibrary list: skipped (${list.skipped})`);
    }
    if (values.out) {
      fs.writeFileSync(values.out, `${JSON.stringify({ ...report, cliStart, processImport, processImportMarkup, compare, triggerCost, views, passagesFling, fileImport: files, eventLoop, paint, typing, list }, null, 2)}\n`);
      log(`Wrote ${values.out}`);
    }
  } finally {
    imported.db.close();
    if (!values.keep) removeLibrary(imported.file);
  }
  return 0;
}

process.exitCode = await main();
