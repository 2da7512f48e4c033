import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlerOptions } from '../core/handlers';
import type { ImportResult } from '../shared/domain/source';
import { isCancelledImport } from '../shared/domain/source';
import type { PathScan } from '../core/import/readPaths';
import type { ParseWorker } from '../core/import/parseInWorker';
import { createParseWorker, PARSE_AHEAD } from '../core/import/parseInWorker';
import { Library } from '../core/library';
import { describeSqliteError } from '../core/db/writeTransaction';
import { checkIntegrityNow } from '../core/db/integrityCheck';
import { resolveLibraryPath } from '../core/paths';
import { getSource, listSources } from '../core/sources';
import { formatTable } from './format';
import { detectMissingLanguages } from '../core/import/detectMissingLanguages';
import { LANGUAGE_BACKFILL_TASK, recordTaskRun } from '../core/import/languageBackfill';
import { backupIfDue, DAILY_BACKUP_LULL } from '../core/backup';
import { BACKUP_USAGE, runBackup, runRestore } from './backupCommands';
import { HIGHLIGHTS_USAGE, highlightsUsageProblem, runHighlights } from './highlightsCommand';
import { EXPORT_OPTIONS, EXPORT_USAGE, exportUsageProblem, runExport } from './exportCommand';
import { runSearch, SEARCH_USAGE, searchUsageProblem } from './searchCommand';
import { VERSION } from './version';
import { COMPARE_COMMANDS, COMPARE_OPTIONS, COMPARE_USAGE, compareUsageProblem, runCompareCommand } from './compareCommands';
import { QDPX_EXPORT_USAGE, runQdpxExport, runQdpxImport } from './qdpxCommands';

export const USAGE = `Usage: marginalia [--library FILE] [--json] COMMAND

Commands:
  import PATH...        import files, or folders recursively (.txt, .md, .html, .pdf);
                        Ctrl+C stops after the current file and keeps what was imported
  import FILE.qdpx...   import REFI-QDA projects: sources, codes as tags, coded passages, notes
  list                  list the sources in the library
${SEARCH_USAGE}
  show SOURCE_ID        show one source with its text
  detect-languages      give sources without a language the one their text is in (once, for
                        libraries imported before detection; new imports are detected)
  notes                 list the notes, most recently edited first, with their citation counts
${HIGHLIGHTS_USAGE}
${EXPORT_USAGE}
${QDPX_EXPORT_USAGE}
  serve [--port N]      open the notebook in a browser; prints its URL with its access token
${BACKUP_USAGE}
${COMPARE_USAGE}

Options:
  --library FILE        the library file (default: $MARGINALIA_LIBRARY, else the app's data directory)
  --json                machine-readable output
  -h, --help            this help
  --version             the version of Marginalia`;

/** Exit codes: 0 success, 1 some input failed (the rest done), 2 usage error. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Redraws one status line in place; present only on a terminal, so pipes and logs get no progress. */
  progress?: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // \r and "erase line": the next status overwrites this one; an empty text clears it.
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 80) - 1)}`) : undefined,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        limit: { type: 'string' },
        ...EXPORT_OPTIONS,
        ...COMPARE_OPTIONS,
        qdpx: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`marginalia: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.version) {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const usage = (message: string) => {
    io.err(`marginalia ${command}: ${message}\n\n${USAGE}`);
    return EXIT.usage;
  };
  const isCompare = (COMPARE_COMMANDS as readonly string[]).includes(command);
  if (!isCompare && !['import', 'list', 'show', 'notes', 'highlights', 'serve', 'backup', 'restore', 'search', 'export', 'detect-languages'].includes(command)) return usage(`unknown command "${command}".`);
  if (isCompare) {
    const problem = compareUsageProblem(command, args, values);
    if (problem) return usage(problem);
  } else {
    // --collection also names what `export --qdpx` exports (checked below).
    const stray = (Object.keys(COMPARE_OPTIONS) as (keyof typeof COMPARE_OPTIONS)[]).find(
      (option) => !(option === 'collection' && command === 'export') && (option === 'csv' ? values.csv : values[option] !== undefined),
    );
    if (stray) return usage(`--${stray} does not go with ${command}.`);
  }
  if (command === 'import' && args.length === 0) return usage('give at least one file or folder to import.');
  if (command === 'show' && (args.length !== 1 || !/^\d+$/.test(args[0]!))) return usage('give one numeric SOURCE_ID (see `marginalia list`).');
  if (command === 'highlights') {
    const problem = highlightsUsageProblem(args);
    if (problem) return usage(problem);
  }
  if (command === 'search') {
    const problem = searchUsageProblem(args, values.limit);
    if (problem) return usage(problem);
  } else if (values.limit !== undefined) return usage('--limit goes with search.');
  const isQdpx = (file: string) => /\.qdpx$/i.test(file);
  if (command === 'import' && args.some(isQdpx) && !args.every(isQdpx)) return usage('import .qdpx projects on their own, not with other files.');
  if (!isCompare && values.collection !== undefined && values.qdpx === undefined) return usage('--collection goes with export --qdpx FILE.');
  if (command === 'export' && values.qdpx !== undefined) {
    if (args.length > 0 || values.all || values.out !== undefined || values.style !== undefined) return usage('export --qdpx FILE exports the whole library (or --collection NAME): give no NOTE_ID, --all, --out or --style.');
    if (values.qdpx === '') return usage('--qdpx needs the FILE to write.');
  } else if (values.qdpx !== undefined) return usage('--qdpx goes with export.');
  else if (command === 'export') {
    const problem = exportUsageProblem(args, values);
    if (problem) return usage(problem);
  } else if (values.style !== undefined || values.out !== undefined || values.all || values['no-deep-links'] || values['no-deleted-notes'] || values['bibliography-heading'] !== undefined || values.quotes !== undefined) {
    return usage('--style, --out, --all and the citation options go with export.');
  }
  if (command === 'restore') {
    if (args.length !== 1) return usage('give the one backup FILE to restore (see `marginalia backup --list`).');
    return runRestore(resolveLibraryPath(values.library), args[0]!, values.json, io);
  }
  if (values.list && command !== 'backup') return usage('--list goes with backup.');
  if ((command === 'list' || command === 'notes' || command === 'serve' || command === 'backup' || command === 'detect-languages') && args.length > 0) return usage(`takes no arguments, got "${args.join(' ')}".`);
  if (values.port !== undefined && (command !== 'serve' || !/^\d+$/.test(values.port) || Number(values.port) > 65535)) return usage('--port takes a number from 0 to 65535, with serve.');

  // An import's parse thread starts before the library is opened and checked, so it loads its
  // parsers meanwhile: started after, it kept the first files waiting 0.3 s (the bench's 3,000).
  const parser = command === 'import' && !args.every(isQdpx) ? createParseWorker() : null;
  let library: Library;
  try {
    library = Library.open(resolveLibraryPath(values.library));
  } catch (error) {
    await parser?.close();
    io.err(`marginalia: ${(error as Error).message}`);
    return EXIT.inputFailed;
  }
  try {
    switch (command) {
      case 'import':
        // A one-shot write waits for the library's quick check (integrityCheck.ts); importFiles writes in its own transactions.
        checkIntegrityNow(library.db);
        if (parser === null) return await runQdpxImport(library, args, values.json, io);
        return await runImport(library, args, values.json, io, parser);
      case 'list': {
        const sources = listSources(library.db);
        if (values.json) io.out(JSON.stringify(sources, null, 2));
        else if (sources.length === 0) io.out(`The library ${library.path} is empty. Import articles with \`marginalia import PATH\`.`);
        else io.out(formatTable(['ID', 'DATE', 'OUTLET', 'AUTHOR', 'TITLE'], sources.map((s) => [s.id, s.publishedAt, s.outlet, s.author, s.title])));
        return EXIT.ok;
      }
      case 'show': {
        const source = getSource(library.db, Number(args[0]));
        if (values.json) {
          const { id, title, outlet, author, publishedAt, url, language, citekey, body } = source;
          io.out(JSON.stringify({ id, title, outlet, author, publishedAt, url, language, citekey, body }, null, 2));
        } else {
          const facts = [source.outlet, source.author, source.publishedAt, source.url].filter(Boolean).join(' · ');
          io.out(`${source.title}\n${facts}\n\n${source.body}`);
        }
        return EXIT.ok;
      }
      case 'detect-languages': {
        const { checked, detected } = await detectMissingLanguages(library.db);
        // The app's background run has nothing left to do in this library.
        recordTaskRun(library.db, LANGUAGE_BACKFILL_TASK);
        if (values.json) io.out(JSON.stringify({ checked, detected }));
        else io.out(checked === 0 ? 'Every source has a language.' : `Detected the language of ${detected} of ${checked} sources without one.${detected < checked ? ' The rest are too short or mixed to tell: set them in Edit details.' : ''}`);
        return EXIT.ok;
      }
      case 'highlights':
        return runHighlights(library.db, args, values.json, io);
      case 'export':
        if (values.qdpx !== undefined) return await runQdpxExport(library, values.qdpx, values.collection, values.json, io);
        return await runExport(library, args, values, io);
      case 'notes':
        // Loaded here, as the importers are in runImport: the notes bring Lexical and Yjs, which no other command needs at its start.
        (await import('./notesCommand')).runNotes(library, values.json, io.out);
        return EXIT.ok;
      case 'search':
        return runSearch(library.db, args, values.limit === undefined ? 20 : Number(values.limit), values.json, io);
      case 'backup':
        return await runBackup(library, values.list, values.json, io);
      case 'outlets':
      case 'collections':
      case 'collect':
      case 'codes':
      case 'passages':
      case 'matrix':
      case 'related':
      case 'autocode':
        return runCompareCommand(library.db, command, args, values, io);
      case 'serve':
        return await runServe(library, values.port === undefined ? 0 : Number(values.port), values.json, io);
    }
  } catch (error) {
    // A missing source or a failed operation is the input's problem, not a usage error.
    io.err(`marginalia ${command}: ${(describeSqliteError(error, library.db) ?? (error as Error)).message}`);
    return EXIT.inputFailed;
  } finally {
    await parser?.close();
    if (command !== 'serve') library.close();
  }
  return EXIT.ok;
}

/** Redraw the progress line at most this often: a terminal is slower than importing small files. */
const PROGRESS_MILLISECONDS = 80;

/**
 * Files per transaction for `marginalia import`. Each commit writes the search index's pending
 * terms as a segment of their own, which FTS5 then merges: at importFiles' default of 50 (small, for
 * the app's progress and Cancel) the bench's 3,000 files spent 0.58 s committing, at 500 0.17 s.
 * A batch still ends at importFiles' byte and time limits, so an interrupted import loses little.
 */
const CLI_BATCH_FILES = 500;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "Skipped 2 hidden files or folders and 3 unsupported files (.jpg 2, .docx 1)." or null. */
export function skippedLine({ hidden, unsupported }: PathScan['skipped']): string | null {
  const types = Object.entries(unsupported).sort(([, a], [, b]) => b - a);
  const unsupportedCount = types.reduce((sum, [, count]) => sum + count, 0);
  const parts = [
    hidden > 0 ? `${plural(hidden, 'hidden file')}${hidden === 1 ? ' or folder' : ' or folders'}` : null,
    unsupportedCount > 0 ? `${plural(unsupportedCount, 'unsupported file')} (${types.map(([extension, count]) => `${extension || 'no extension'} ${count}`).join(', ')})` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `Skipped ${parts.join(' and ')}.` : null;
}

/**
 * `marginalia import PATH...`: a progress line on a terminal (not with --json, not when piped),
 * Ctrl+C to stop after the current file, then one line per file, failures last so they do not
 * scroll away, and a summary.
 */
export async function runImport(library: Library, paths: string[], json: boolean, io: Io, parser: ParseWorker): Promise<number> {
  const [{ importFiles, isSupportedFile, SUPPORTED_EXTENSIONS }, { collectFiles, readFiles }] = await Promise.all([import('../core/import/importFiles'), import('../core/import/readPaths')]);
  const { files, failures, skipped } = collectFiles(paths, isSupportedFile);
  const skippedSummary = skippedLine(skipped);
  if (files.length === 0 && failures.length === 0) {
    // Only folders without articles were given: say so, rather than print "0 imported" and fail.
    if (json) io.out('[]');
    io.err(`marginalia import: no ${SUPPORTED_EXTENSIONS.join(', ')} files found in ${paths.join(', ')}.${skippedSummary ? ` ${skippedSummary}` : ''}`);
    return EXIT.inputFailed;
  }

  const progress = json ? undefined : io.progress;
  const controller = new AbortController();
  // First Ctrl+C: stop after the current file, keeping what was imported. A second one: quit now.
  const onInterrupt = () => {
    if (controller.signal.aborted) {
      process.off('SIGINT', onInterrupt);
      process.kill(process.pid, 'SIGINT');
      return;
    }
    controller.abort();
    progress?.('');
    io.err('Stopping after the current file… (Ctrl+C again to quit at once)');
  };
  process.on('SIGINT', onInterrupt);
  let lastDraw = 0;
  let results: ImportResult[];
  // Parsed in a worker thread (started by main), so a file over the time limit fails alone and the folder goes on.
  try {
    const imported = await importFiles(library.db, readFiles(files), {
      parse: parser.parse,
      parseAhead: PARSE_AHEAD,
      batchSize: CLI_BATCH_FILES,
      signal: controller.signal,
      total: files.length,
      onProgress: ({ done, total, file }) => {
        const now = performance.now();
        if (!progress || (now - lastDraw < PROGRESS_MILLISECONDS && done !== total)) return;
        lastDraw = now;
        progress(`Importing ${done}/${total}: ${path.relative(process.cwd(), file) || file}`);
      },
    });
    results = [...failures, ...imported];
  } finally {
    process.off('SIGINT', onInterrupt);
    progress?.('');
    await parser.close();
  }

  if (json) io.out(JSON.stringify(results, null, 2));
  else {
    const shown = (result: ImportResult) => path.relative(process.cwd(), result.file) || result.file;
    for (const result of results) if (result.status !== 'failed') io.out(`${result.status.padEnd(10)} ${shown(result)} (source ${result.sourceId})`);
    for (const result of results) if (result.status === 'failed' && !isCancelledImport(result)) io.out(`failed     ${shown(result)}: ${result.error}`);
    const cancelled = results.filter(isCancelledImport).length;
    if (cancelled > 0) io.out(`Cancelled: ${plural(cancelled, 'file')} not imported. Run the same command again to import them (what was imported is then reported as duplicate).`);
    if (skippedSummary) io.out(skippedSummary);
    const count = (status: string) => results.filter((result) => result.status === status).length;
    io.out(`${count('imported')} imported, ${count('duplicate')} duplicate, ${count('failed') - cancelled} failed${cancelled > 0 ? `, ${cancelled} not imported` : ''}.`);
  }
  return results.some((result) => result.status === 'failed') ? EXIT.inputFailed : EXIT.ok;
}

async function runServe(library: Library, port: number, json: boolean, io: Io): Promise<number> {
  const staticDirectory = path.resolve(import.meta.dirname, '../../out/renderer');
  // Search, import parsing and import writes run in worker threads, so none holds up the other requests.
  const handlerOptions: HandlerOptions = { searchInWorker: true, parseInWorker: true, storeInWorker: true, backfillLanguages: true };
  const [{ createHandlers }, { startHost }] = await Promise.all([import('../core/handlers'), import('../host/server')]);
  const handlers = createHandlers(library, handlerOptions);
  const host = await startHost({
    handlers,
    staticDirectory,
    port,
    token: process.env.MARGINALIA_HOST_TOKEN || undefined,
    onEmitter: (emit) => (handlerOptions.emit = emit),
  });
  // The daily backup runs in the background once the library has passed its integrity check (a
  // damaged one is reported by the check) and the windows have gone quiet (DAILY_BACKUP_LULL); a
  // failure is reported, never in the way, and a stop during it cancels it quietly (backup.ts).
  const stopping = new AbortController();
  const backup = handlers
    .integrityChecked()
    .then(() => handlers.lull(DAILY_BACKUP_LULL.quietMs, DAILY_BACKUP_LULL.latestMs))
    .then(
      () => (stopping.signal.aborted ? null : backupIfDue(library.db, library.path, new Date(), stopping.signal)),
      () => null,
    )
    .catch((error: unknown) => {
      if (!stopping.signal.aborted) io.err(`marginalia serve: the daily backup failed: ${(error as Error).message}`);
    });
  if (json) io.out(JSON.stringify({ url: host.openUrl, port: host.port, library: library.path }));
  else io.out(`Marginalia is open at ${host.openUrl}\nLibrary: ${library.path}\nPress Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopping.abort();
  await host.close();
  // Closing the handlers first ends a check still running, so the backup waiting for it gives up.
  await handlers.close();
  await backup;
  library.close();
  return EXIT.ok;
}
