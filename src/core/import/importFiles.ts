import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportResult } from '../../shared/domain/source';
import { IMPORT_CANCELLED_MESSAGE } from '../../shared/domain/source';
import type { Db } from '../db/db';
import type { FileToImport, ParsedSource } from './parseFile';
import { checkFile, parseFile } from './parseFile';
import { libraryReadOnlyError } from '../db/writeTransaction';
import type { StoreItem } from './storeBatch';
import { existingId, failed, failure, storeBatch } from './storeBatch';
import { readOnlyReason } from '../db/readOnly';

export type { FileToImport } from './parseFile';
export type { StoreItem } from './storeBatch';
export { isSupportedFile, SUPPORTED_EXTENSIONS, tooLargeMessage } from './parseFile';

/** A file read only when its turn comes, so a folder of 1,000 files is never all in memory. */
export interface LazyFile {
  name: string;
  read: () => FileToImport | Promise<FileToImport>;
}
export type ImportInput = FileToImport | LazyFile;

export interface ImportProgress {
  /** Files handled so far (imported, duplicate or failed). */
  done: number;
  /** Files in this import, when the caller knows. */
  total: number | null;
  /** The file just handled. */
  file: string;
}

export interface ImportOptions {
  /** Aborting stops after the file in hand: what was handled is committed, the rest is reported as not imported. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  total?: number;
  /** Files per transaction (default 50), after the first few (FIRST_BATCH_FILES, doubling). */
  batchSize?: number;
  /** Parses one checked file; parseFile in this thread by default, a ParseWorker's parse off it (parseInWorker.ts). */
  parse?: (file: FileToImport) => Promise<ParsedSource>;
  /**
   * How many files are read, checked and handed to `parse` ahead of the one stored next (default 1:
   * one at a time). With a parse worker it parses the next files while this thread stores, instead
   * of each waiting for the other: the CLI gives PARSE_AHEAD (parseInWorker.ts), the app fewer (handlers.ts).
   */
  parseAhead?: number;
  /**
   * Stores one batch (one transaction) and answers a result per item, in order: storeBatch on this
   * thread's connection by default, a StoreWorker's store on its own connection off it (storeInWorker.ts).
   */
  store?: (batch: StoreItem[]) => Promise<ImportResult[]>;
}

/** Bytes of files read ahead past which no further one is read (ImportOptions.parseAhead): a few batches' worth, not the whole folder. */
const PARSE_AHEAD_BYTES = 32 * 1024 * 1024;

/** A batch is also committed when it holds this many bytes or has waited this long, so little is ever at stake. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** The first batch's files at most; each batch after may hold twice the one before, up to ImportOptions.batchSize. */
const FIRST_BATCH_FILES = 25;
const BATCH_MILLISECONDS = 2000;

interface Prepared extends StoreItem {
  index: number;
}

/** Reads and checks one file (a lazy input is read now); a file that cannot be read or is refused is its result. */
async function readChecked(input: ImportInput): Promise<FileToImport | ImportResult> {
  try {
    const file = 'read' in input ? await input.read() : input;
    checkFile(file);
    return file;
  } catch (error) {
    return failure(input.name, error);
  }
}

/** Hashes and parses one checked file outside any transaction (PDF parsing is async). */
async function prepare(db: Db, file: FileToImport, index: number, parse: (file: FileToImport) => Promise<ParsedSource>): Promise<Prepared | ImportResult> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // Checked before parsing, so a folder imported twice costs hashing, not parsing; checked again at commit.
  const existing = existingId(db, sha256);
  if (existing !== null) return { file: file.name, status: 'duplicate', sourceId: existing, error: null };
  try {
    return { index, name: file.name, parsed: await parse(file), original: file.bytes, sha256 };
  } catch (error) {
    return failure(file.name, error);
  }
}

/**
 * Imports files in order, committing in batches; a failure is reported and the rest still import.
 * Between files it yields to the event loop, so the app (and a Cancel) stays responsive.
 */
export async function importFiles(db: Db, files: Iterable<ImportInput>, options: ImportOptions = {}): Promise<ImportResult[]> {
  const { signal, onProgress, batchSize = 50, parse = parseFile, store, parseAhead = 1 } = options;
  // Refused whole, before any file is read: nothing of it could be stored.
  const readOnly = readOnlyReason(db);
  if (readOnly !== undefined) throw libraryReadOnlyError(readOnly);
  const results: ImportResult[] = [];
  let batch: Prepared[] = [];
  let batchBytes = 0;
  let batchStarted = 0;
  let batchLimit = Math.min(batchSize, FIRST_BATCH_FILES);
  const commit = async () => {
    const items = batch;
    batch = [];
    batchBytes = 0;
    if (items.length === 0) return;
    let stored: ImportResult[];
    try {
      stored = store ? await store(items.map(({ name, parsed, original, sha256 }) => ({ name, parsed, original, sha256 }))) : storeBatch(db, items);
    } catch (error) {
      // The store worker stopped (its thread crashed): nothing of the batch is known to be stored.
      stored = items.map((item) => failure(item.name, error));
    }
    items.forEach((item, i) => (results[item.index] = stored[i]!));
  };
  let index = 0;
  const inputs = files[Symbol.iterator]();
  const nextInput = (): ImportInput | null => {
    const next = inputs.next();
    return next.done ? null : next.value;
  };
  // The files read and being parsed ahead, in order, and their bytes (prepare never throws: a bad file is its result).
  const ahead: { name: string; bytes: number; outcome: Promise<Prepared | ImportResult> }[] = [];
  let aheadBytes = 0;
  for (;;) {
    // At least the next file; more while fewer than parseAhead files and PARSE_AHEAD_BYTES are ahead.
    while (!signal?.aborted && ahead.length < Math.max(1, parseAhead) && (ahead.length === 0 || aheadBytes < PARSE_AHEAD_BYTES)) {
      const input = nextInput();
      if (input === null) break;
      const file = await readChecked(input);
      const at = index + ahead.length;
      if ('status' in file) ahead.push({ name: input.name, bytes: 0, outcome: Promise.resolve(file) });
      else {
        ahead.push({ name: input.name, bytes: file.bytes.length, outcome: prepare(db, file, at, parse) });
        aheadBytes += file.bytes.length;
      }
    }
    const inHand = ahead.shift();
    const name = inHand?.name ?? nextInput()?.name;
    if (name === undefined) break;
    // Cancelled: the files read ahead are not stored either, nor are the rest read.
    if (signal?.aborted || !inHand) {
      results[index++] = failed(name, IMPORT_CANCELLED_MESSAGE);
      continue;
    }
    aheadBytes -= inHand.bytes;
    const outcome = await inHand.outcome;
    if ('parsed' in outcome) {
      if (batch.length === 0) batchStarted = performance.now();
      batch.push(outcome);
      batchBytes += outcome.original.length + outcome.parsed.body.length * 2;
      // A placeholder until the batch commits: results stay in input order.
      results[index] = failed(outcome.name, IMPORT_CANCELLED_MESSAGE);
    } else results[index] = outcome;
    index++;
    onProgress?.({ done: index, total: options.total ?? null, file: name });
    // Batches start small and double up to batchSize, so storing starts while the files after the
    // first are parsed; near the end (the files left no more than those in hand) a batch is
    // committed at once, so each is half the one before, and the last is stored while the files
    // after it are parsed. (At 500 a batch, waiting for the first and storing the last took 0.5 s
    // of the bench's 2.4 s.)
    const nearTheEnd = options.total !== undefined && options.total - index <= batch.length;
    if (batch.length >= batchLimit || nearTheEnd || batchBytes >= BATCH_BYTES || performance.now() - batchStarted >= BATCH_MILLISECONDS) {
      await commit();
      batchLimit = Math.min(batchSize, batchLimit * 2);
    }
    await nextTurn();
  }
  await commit();
  return results;
}

/** Imports one file whole or not at all, committed before it returns; never throws for bad input, it reports it. */
export async function importFile(db: Db, file: FileToImport): Promise<ImportResult> {
  const [result] = await importFiles(db, [file]);
  return result!;
}
