import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, LibraryEvent, OperationName } from '../shared/api/contract';
import { contract } from '../shared/api/contract';
import type { IntegrityCheckOptions } from './db/integrityCheck';
import { checkIntegrityInBackground, integrityState, stopIntegrityCheck } from './db/integrityCheck';
import type { Db } from './db/db';
import type { FileToImport } from './import/parseFile';
import type { ParseWorker, ParseWorkerOptions } from './import/parseInWorker';
import { createParseWorker } from './import/parseInWorker';
import type { StoreWorkerOptions } from './import/storeInWorker';
import { createStoreWorker } from './import/storeInWorker';
import type { Library } from './library';
import { findResourcesDirectory } from './library';
import { createBackupHandlers } from './backupHandlers';
import { createCompareHandlers } from './compare/createCompareHandlers';
import { createExportHandlers } from './export/createExportHandlers';
import { createHighlightHandlers } from './highlights/createHighlightHandlers';
import type { NoteHandlers } from '../shared/api/notes';
import { noteOperations } from '../shared/api/notes';
import { createNoteReadHandlers } from './notes/noteReadHandlers';
import { createSearchHandlers } from './search';
import type { SearchWorkerHandlers, SearchWorkerOptions } from './search/searchWorkerHandlers';
import { createSearchWorkerHandlers } from './search/searchWorkerHandlers';
import { SCHEMA_VERSION } from './db/migrations';
import { countSources, deleteSource, getSource, listOutlets, updateSource } from './sources';
import { addSourcesToCollection, deleteSources, restoreSources, setSourcesOutlet } from './sourceList/bulkSources';
import { listLanguages, listSourcePage } from './sourceList/listSourcePage';
import { readOnlyReason } from './db/readOnly';
import { ApiError } from '../shared/api/errors';
import { createLullWatch, touchingOnCall } from './lull';
import { startLanguageBackfill } from './import/languageBackfill';

/**
 * Files per transaction for imports from the app and the browser host. With storeInWorker the
 * transaction runs in the store worker, but it holds the library's write lock while it runs, and a
 * save on this thread waits that out (busy_timeout, synchronously): 50 files took 30-110 ms to
 * commit; 5 take a few ms. The CLI commits 500 at a time (CLI_BATCH_FILES, src/cli/main.ts).
 */
const INTERACTIVE_BATCH_FILES = 5;

/** When the worker threads start if no page of the library was asked for (see createHandlers). */
const THREADS_AFTER_MS = 1500;
/** …and after the first page was answered, so the page's neighbours (counts, filters) go first. */
const THREADS_AFTER_FIRST_PAGE_MS = 300;

export interface HandlerOptions {
  resourcesDirectory?: string;
  emit?: (event: LibraryEvent) => void;
  /**
   * Run `search` in a worker thread with its own read-only connection, so a slow query never
   * blocks this thread (the app and the browser host); `close()` then ends the worker.
   */
  searchInWorker?: boolean | SearchWorkerOptions;
  /**
   * Parse imported files in a worker thread, each within a time limit (parseInWorker.ts), so a
   * heavy or hostile file never stalls this thread; `close()` then ends the worker.
   */
  parseInWorker?: boolean | ParseWorkerOptions;
  /**
   * Store imported files from a worker thread with its own connection to the library
   * (storeInWorker.ts), so SQLite's work for an import (inserting, indexing, checkpoints) never
   * holds this thread; `close()` then ends the worker.
   */
  storeInWorker?: boolean | StoreWorkerOptions;
  /**
   * Give sources imported before languages were detected theirs, once per library, in the
   * background (languageBackfill.ts): the app's library process and the browser host;
   * `close()` stops it after the batch in hand.
   */
  backfillLanguages?: boolean;
  /** Where the library's integrity check runs: a worker thread started at once (integrityCheck.ts). */
  integrityCheck?: IntegrityCheckOptions;
}

/**
 * The modules of the handlers a window's first views do not need load on their first call, or in
 * the first lull of MODULES_LULL: the note documents and the editor's model (Yjs, Lexical) and the
 * importers (Markdown, YAML, encodings) cost about 0.4 s of CPU to load, which the host and the
 * app paid before they could answer anything (README, Performance: cold start). The notes list and
 * a note's text are answered without them (noteReadHandlers.ts).
 */
const MODULES_LULL = { quietMs: 2000, latestMs: 30_000 };
const loadNotes = () => import('./notes/createNoteHandlers');
/**
 * Files the app's importer reads and hands to the parse worker ahead of the one in hand: fewer
 * than the CLI's PARSE_AHEAD, for here a cancelled import leaves those it handed over to be parsed
 * (the worker is shared, and the next import waits behind them), and storing is off this thread
 * already (the store worker), so the parse worker needs only a few to stay busy.
 */
const APP_PARSE_AHEAD = 4;

const loadImporters = () => Promise.all([import('./import/importFiles'), import('./import/replaceSourceFromFile')]);

/** A call that waited for its module while the library closed is refused, not run on a closed connection. */
const closingError = () => new ApiError('unavailable', 'The library closed before this request could be answered.');

/** Handlers named `names`, each calling the one `load` makes (once, at the first call). */
function lazyHandlers<H extends object>(names: readonly string[], load: () => Promise<H>, isClosed: () => boolean): { handlers: H; warm: () => Promise<H> } {
  let loading: Promise<H> | null = null;
  const warm = () => (loading ??= load());
  const call = async (name: string, request: unknown) => {
    const loaded = (await warm()) as Record<string, (request: unknown) => unknown>;
    if (isClosed()) throw closingError();
    return loaded[name]!(request);
  };
  const handlers = Object.fromEntries(names.map((name) => [name, (request: unknown) => call(name, request)]));
  return { handlers: handlers as H, warm };
}

/**
 * Operations that change the library but may run before its integrity check has passed: a backup
 * only reads it, restoring one is the remedy for a damaged library, and a cancel writes nothing.
 */
const NOT_HELD: ReadonlySet<OperationName> = new Set<OperationName>(['backupNow', 'restoreBackup', 'cancelImport']);

/**
 * Every other changing operation waits for the integrity check, and is refused when it failed;
 * once it has passed (or for a new library, which has nothing to check) it is called as it is.
 */
function holdWrites(handlers: Handlers, db: Db, check: () => Promise<void>): Handlers {
  const held: Record<string, unknown> = { ...handlers };
  for (const name of Object.keys(contract) as OperationName[]) {
    if (!contract[name].mutates || NOT_HELD.has(name)) continue;
    const handler = handlers[name] as (request: unknown) => unknown;
    held[name] = (request: unknown) => (integrityState(db) === 'sound' ? handler(request) : check().then(() => handler(request)));
  }
  return held as unknown as Handlers;
}

/**
 * The contract's operations implemented on one library. Transports (IPC, HTTP) validate the
 * request with the contract's schema before calling, and the response after.
 */
export interface LibraryHandlers extends Handlers {
  /**
   * Settles with the library's integrity check as the handlers run it (after the first page, not
   * on the start path): resolves when writes may go ahead, rejects when the library is damaged or
   * the handlers closed first. The daily backup waits for it.
   */
  integrityChecked(): Promise<void>;
  /**
   * Resolves once no operation has been running or called for `quietMs`, or `latestMs` after the ask, or at
   * close (lull.ts): the daily backup waits for it, so its seconds of CPU come after the first views.
   */
  lull(quietMs: number, latestMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createHandlers(library: Library, options: HandlerOptions = {}): LibraryHandlers {
  const { db } = library;
  const checked = () => checkIntegrityInBackground(db, options.integrityCheck);
  let searchWorker: SearchWorkerHandlers | null = null;
  const searchThread = (searchOptions: SearchWorkerOptions) => (searchWorker ??= createSearchWorkerHandlers(library.db.name, searchOptions));
  let parseWorker: ParseWorker | null = null;
  const parseThread = (parseOptions: ParseWorkerOptions) => (parseWorker ??= createParseWorker(parseOptions));
  const searchOptions = options.searchInWorker === true ? {} : options.searchInWorker || null;
  const parseOptions = options.parseInWorker === true ? {} : options.parseInWorker || null;
  const parseFile = parseOptions ? (file: FileToImport) => parseThread(parseOptions).parse(file) : undefined;
  // The store worker starts its thread with the others, or at the first import it stores.
  const storeWorker = options.storeInWorker ? createStoreWorker(library.db.name, options.storeInWorker === true ? {} : options.storeInWorker) : null;
  const importWork = { ...(parseFile ? { parse: parseFile, parseAhead: APP_PARSE_AHEAD } : {}), ...(storeWorker ? { store: storeWorker.store } : {}) };
  let languageBackfill: ReturnType<typeof startLanguageBackfill> | null = null;
  // The threads (search, import parsing, the integrity check) start once the first page of the
  // library has been answered, or THREADS_AFTER_MS after the handlers exist, or when first needed.
  // Started with the handlers, their loading (better-sqlite3, the parsers, the language detector)
  // and the check (it reads the whole file) took about 3 s of CPU in the first second, while the
  // first page waited for a core.
  let closed = false;
  let settleChecked: { resolve: () => void; reject: (error: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
  const integrityChecked = new Promise<void>((resolve, reject) => (settleChecked = { resolve, reject }));
  integrityChecked.catch(() => undefined);
  const startThreads = () => {
    clearTimeout(threadsTimer);
    if (closed) return;
    if (searchOptions) searchThread(searchOptions);
    if (parseOptions) parseThread(parseOptions);
    storeWorker?.warm();
    // Usually done before the first change, which waits for it. The language backfill writes, so it
    // starts once the check has passed.
    void checked().then(
      () => {
        settleChecked.resolve();
        if (!closed && options.backfillLanguages) languageBackfill ??= startLanguageBackfill(db, { emit });
      },
      (error: unknown) => {
        settleChecked.reject(error);
        if (!closed) console.error(`marginalia: ${(error as Error).message}`);
      },
    );
  };
  let threadsTimer = setTimeout(startThreads, THREADS_AFTER_MS);
  threadsTimer.unref();
  const firstPageAnswered = () => {
    clearTimeout(threadsTimer);
    threadsTimer = setTimeout(startThreads, THREADS_AFTER_FIRST_PAGE_MS);
    threadsTimer.unref();
  };
  let pagesAnswered = 0;
  // Read on each call: a transport may attach its emitter after the handlers exist.
  const emit = (event: LibraryEvent) => options.emit?.(event);
  // One controller per running importFiles call, so cancelImport can stop them (each after the file in hand).
  const runningImports = new Set<AbortController>();
  const notes = lazyHandlers<NoteHandlers>(Object.keys(noteOperations), () => loadNotes().then(({ createNoteHandlers }) => createNoteHandlers(db, emit)), () => closed);
  let importers: ReturnType<typeof loadImporters> | null = null;
  const warmImporters = () => (importers ??= loadImporters());
  const importer = async () => {
    const loaded = await warmImporters();
    if (closed) throw closingError();
    return loaded;
  };
  const handlers: Handlers = {
    listSources: (request) => {
      const page = listSourcePage(db, request);
      if (pagesAnswered++ === 0) firstPageAnswered();
      return page;
    },
    listLanguages: () => listLanguages(db),
    deleteSources: ({ selection }) => deleteSources(db, selection),
    restoreSources: ({ undoToken }) => restoreSources(db, undoToken),
    setSourcesOutlet: ({ selection, outlet }) => setSourcesOutlet(db, selection, outlet),
    addSourcesToCollection: ({ selection, name }) => addSourcesToCollection(db, selection, name),
    listOutlets: () => listOutlets(db),
    getSource: ({ id }) => getSource(db, id),
    importFiles: async ({ files }) => {
      const controller = new AbortController();
      runningImports.add(controller);
      try {
        const [{ importFiles }] = await importer();
        return await importFiles(
          db,
          // Decoded one at a time, when its turn comes: 1,000 decoded files need not sit in memory at once.
          files.map((file) => ({ name: file.name, read: () => ({ name: file.name, bytes: Buffer.from(file.contentBase64, 'base64') }) })),
          { ...importWork, batchSize: INTERACTIVE_BATCH_FILES, signal: controller.signal, total: files.length, onProgress: ({ done, file }) => emit({ type: 'importProgress', done, total: files.length, file }) },
        );
      } finally {
        runningImports.delete(controller);
      }
    },
    cancelImport: () => {
      for (const controller of runningImports) controller.abort();
      return { cancelled: runningImports.size > 0 };
    },
    importSampleLibrary: async () => {
      const samples = path.join(options.resourcesDirectory ?? findResourcesDirectory(), 'samples');
      const names = fs.readdirSync(samples).filter((name) => name.endsWith('.txt')).sort();
      const [{ importFiles }] = await importer();
      return importFiles(db, names.map((name) => ({ name, bytes: fs.readFileSync(path.join(samples, name)) })), importWork);
    },
    updateSource: ({ id, patch }) => updateSource(db, id, patch),
    replaceSourceText: async ({ sourceId, file }) => {
      const [, { replaceSourceFromFile }] = await importer();
      return replaceSourceFromFile(db, sourceId, { name: file.name, bytes: Buffer.from(file.contentBase64, 'base64') }, parseFile);
    },
    deleteSource: ({ id }) => ({ deleted: deleteSource(db, id) }),
    libraryInfo: () => {
      const readOnly = readOnlyReason(db);
      return { path: library.path, sourceCount: countSources(db), schemaVersion: SCHEMA_VERSION, readOnly: readOnly !== undefined, readOnlyReason: readOnly ?? null };
    },
    ...createBackupHandlers(library, options.integrityCheck),
    ...notes.handlers,
    ...createNoteReadHandlers(db),
    ...createHighlightHandlers(db),
    ...createSearchHandlers(db),
    ...(searchOptions ? { search: (request: Parameters<Handlers['search']>[0]) => searchThread(searchOptions).search(request) } : {}),
    ...createExportHandlers(db),
    ...createCompareHandlers(db),
  };
  const lulls = createLullWatch();
  // The modules left off the start path load in the first quiet moment (not with the threads, right
  // after the first page: loading them took the host's thread from a reload's first page), so a
  // first note opened or import does not wait for them.
  void lulls.lull(MODULES_LULL.quietMs, MODULES_LULL.latestMs).then(() => {
    if (closed) return;
    void notes.warm().catch(() => undefined);
    void warmImporters().catch(() => undefined);
  });
  return {
    ...touchingOnCall(holdWrites(handlers, db, checked), lulls),
    integrityChecked: () => integrityChecked,
    lull: (quietMs, latestMs) => lulls.lull(quietMs, latestMs),
    close: async () => {
      closed = true;
      lulls.close();
      clearTimeout(threadsTimer);
      settleChecked.reject(new Error('the library was closed before its integrity check finished'));
      await Promise.all([searchWorker?.close(), parseWorker?.close(), storeWorker?.close(), languageBackfill?.stop(), stopIntegrityCheck(db)]);
    },
  };
}
