import { ImportRefused } from './importRefused';
import type { FileToImport, ParsedSource } from './parseFile';
import type { ParseWorkerReply, ParseWorkerRequest } from './parseWorkerProtocol';
import { workerEntry } from '../workerEntry';
import { createWorkerQueue } from '../workerQueue';

/**
 * Files a parse worker is given ahead (ImportOptions.parseAhead; also at most 32 MB of them).
 * Read and parsed one after the other, the worker and this thread took turns: `marginalia import`
 * of the bench's 3,000 Markdown files spent 5.8 s of its 8.4 s with this thread waiting for the
 * parse and the worker idle 3 s while this thread stored. Four ahead were not enough: while this
 * thread commits a batch the worker must have as many to parse, and the CLI commits 500 at a time
 * (64 ahead left the worker idle 0.8 s of a 3.1 s import).
 */
export const PARSE_AHEAD = 600;

/** How long one file may take to parse; a 20 MB PDF takes a few seconds on a slow laptop. */
export const PARSE_TIME_LIMIT_MS = 30_000;

export interface ParseWorkerOptions {
  /** The worker's entry: the app passes its bundled copy; by default parseWorker beside this module (workerEntry.ts: the CLI's build, else the source through tsx). */
  workerPath?: string;
  /** Per-file time limit (default PARSE_TIME_LIMIT_MS). */
  timeLimitMs?: number;
}

export interface ParseWorker {
  parse(file: FileToImport): Promise<ParsedSource>;
  close(): Promise<void>;
}

export function timeLimitMessage(limitMs: number): string {
  const limit = limitMs >= 1000 ? `${limitMs / 1000} seconds` : `${limitMs} ms`;
  return `took longer than ${limit} to read (the limit for one file), so it was not imported. It may be damaged or unusually complex: import a simpler copy (for a web page, save only the article).`;
}

/**
 * Parses import files in a worker thread, one at a time, handed up to PARSE_AHEAD at once. A file
 * that takes longer than the time limit fails (ImportRefused naming the limit) and its worker is
 * ended and replaced, so the next file of the batch is parsed by a fresh one.
 */
export function createParseWorker(options: ParseWorkerOptions = {}): ParseWorker {
  const timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  const queue = createWorkerQueue<Omit<ParseWorkerRequest, 'seq'>, ParseWorkerReply, ParsedSource>({
    entry: options.workerPath ?? workerEntry(import.meta.dirname, 'parseWorker'),
    workerData: {},
    settle: (reply) => ('parsed' in reply ? { value: reply.parsed } : { error: 'refused' in reply ? new ImportRefused(reply.refused) : new Error(reply.error) }),
    stoppedError: (why) => new Error(`the import reader stopped unexpectedly (${why})`),
    closedError: () => new Error('the import reader was closed'),
    timeLimit: { ms: timeLimitMs, error: () => new ImportRefused(timeLimitMessage(timeLimitMs)) },
    // Handed all the files read ahead, so it parses on while the importer stores a batch.
    depth: PARSE_AHEAD,
  });
  // Started now, so the first file does not wait for the thread to load.
  queue.warm();
  return {
    parse: (file) => queue.run({ name: file.name, bytes: file.bytes }),
    close: () => queue.close({ reject: new Error('the import reader was closed') }),
  };
}
