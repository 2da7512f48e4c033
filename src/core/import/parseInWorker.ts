import type { Worker } from 'node:worker_threads';
import { startWorker } from '../search/searchWorkerHandlers';
import { ImportRefused } from './decodeText';
import type { FileToImport, ParsedSource } from './parseFile';
import type { ParseWorkerReply, ParseWorkerRequest } from './parseWorkerProtocol';
import { workerEntry } from '../workerEntry';

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

interface Job {
  seq: number;
  file: FileToImport;
  resolve: (parsed: ParsedSource) => void;
  reject: (error: Error) => void;
}

/**
 * Parses import files in a worker thread, one at a time. A file that takes longer than the time
 * limit fails (ImportRefused naming the limit) and its worker is ended and replaced, so the next
 * file of the batch is parsed by a fresh one.
 */
export function createParseWorker(options: ParseWorkerOptions = {}): ParseWorker {
  const entry = options.workerPath ?? workerEntry(import.meta.dirname, 'parseWorker');
  const timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  let worker: Worker | null = null;
  let running: Job | null = null;
  let timer: NodeJS.Timeout | undefined;
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  // The clock starts once the thread has loaded (tsx and the parsers take a moment): only parsing counts.
  let ready = false;
  const startClock = () => {
    if (running && ready) timer ??= setTimeout(overTime, timeLimitMs);
  };

  const spawn = (): Worker => {
    ready = false;
    const started = startWorker(entry, {});
    started.unref();
    started.on('message', (reply: ParseWorkerReply) => started === worker && receive(reply));
    started.on('error', (error) => started === worker && stopped(error.message));
    started.on('exit', (code) => started === worker && stopped(`it exited with code ${code}`));
    return started;
  };

  const finish = (): Job | null => {
    const job = running;
    running = null;
    clearTimeout(timer);
    timer = undefined;
    return job;
  };

  const receive = (reply: ParseWorkerReply) => {
    if ('ready' in reply) {
      ready = true;
      return startClock();
    }
    if (reply.seq !== running?.seq) return;
    const job = finish()!;
    if ('parsed' in reply) job.resolve(reply.parsed);
    else if ('refused' in reply) job.reject(new ImportRefused(reply.refused));
    else job.reject(new Error(reply.error));
    pump();
  };

  const stopped = (why: string) => {
    worker = null;
    finish()?.reject(new Error(`the import reader stopped unexpectedly (${why})`));
    pump();
  };

  const overTime = () => {
    const old = worker;
    worker = null;
    void old?.terminate();
    finish()?.reject(new ImportRefused(timeLimitMessage(timeLimitMs)));
    pump();
  };

  const pump = () => {
    if (closed || running || queue.length === 0) return;
    const job = queue.shift()!;
    running = job;
    worker ??= spawn();
    startClock();
    worker.postMessage({ seq: job.seq, name: job.file.name, bytes: job.file.bytes } satisfies ParseWorkerRequest);
  };

  // Started now, so the first file does not wait for the thread to load.
  worker = spawn();

  return {
    parse: (file) =>
      new Promise<ParsedSource>((resolve, reject) => {
        if (closed) return reject(new Error('the import reader was closed'));
        queue.push({ seq: ++seq, file, resolve, reject });
        pump();
      }),
    close: async () => {
      closed = true;
      for (const job of [finish(), ...queue.splice(0)]) job?.reject(new Error('the import reader was closed'));
      const last = worker;
      worker = null;
      await last?.terminate();
    },
  };
}
