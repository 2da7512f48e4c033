import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { SearchRequest, SearchResponse } from '../../shared/api/search';
import { workerEntry } from '../workerEntry';
import type { SearchWorkerData, SearchWorkerReply, SearchWorkerRequest } from './searchWorkerProtocol';

export interface SearchWorkerOptions {
  /**
   * The worker's entry. The app passes its bundled copy (src/main/index.ts); by default it is
   * searchWorker beside this module (workerEntry.ts): the CLI's build of it (out/cli/), else
   * searchWorker.ts run through tsx (the sources, tests).
   */
  workerPath?: string;
  nativeBinding?: string;
  /**
   * A superseded query still running after this long is abandoned: its thread is told to end (it
   * does once SQLite returns: better-sqlite3 cannot interrupt a statement) and a fresh worker takes
   * the next query, so typing never waits behind a runaway query.
   */
  abandonAfterMs?: number;
}

/** The `search` operation off the main thread, plus `close()`, which ends the worker. */
export interface SearchWorkerHandlers {
  search(request: z.output<typeof SearchRequest>): Promise<SearchResponse>;
  close(): Promise<void>;
}

const SUPERSEDED: SearchResponse = { results: [], warning: null, superseded: true };
const ABANDON_AFTER_MS = 300;
/** Abandoned threads still finishing a query; past this many, a new query waits instead. */
const MAX_ABANDONED = 2;

interface Job {
  seq: number;
  client: string | undefined;
  query: string;
  limit: number;
  startedAt: number;
  superseded: boolean;
  settle: (response: SearchResponse) => void;
  fail: (error: Error) => void;
}

/** Starts the worker; a .ts entry through tsxWorkerBootstrap.mjs, which registers tsx in the thread first. */
export function startWorker(entry: string, workerData: object): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(path.join(import.meta.dirname, 'tsxWorkerBootstrap.mjs'), { workerData: { ...workerData, tsxEntry: pathToFileURL(entry).href } });
}

/**
 * Search in a worker thread with its own read-only connection to the library (searchWorker.ts),
 * so the Electron main process and the browser host stay responsive during a slow query. One
 * query runs at a time; a client's new query cancels its queries still waiting and drops the
 * answer of its query still running (see SearchRequest.client).
 */
export function createSearchWorkerHandlers(libraryPath: string, options: SearchWorkerOptions = {}): SearchWorkerHandlers {
  const entry = options.workerPath ?? workerEntry(import.meta.dirname, 'searchWorker');
  const abandonAfterMs = options.abandonAfterMs ?? ABANDON_AFTER_MS;
  const workerData: SearchWorkerData = { libraryPath, nativeBinding: options.nativeBinding };
  let worker: Worker | null = null;
  let running: Job | null = null;
  let queue: Job[] = [];
  let seq = 0;
  let abandoned = 0;
  let abandonTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const spawn = (): Worker => {
    const started = startWorker(entry, workerData);
    // A forgotten close() must not keep the process alive.
    started.unref();
    started.on('message', (reply: SearchWorkerReply) => started === worker && receive(reply));
    started.on('error', (error) => started === worker && stopped(`${error.message}`));
    started.on('exit', (code) => started === worker && stopped(`it exited with code ${code}`));
    return started;
  };

  const take = (): Job | null => {
    const job = running;
    running = null;
    clearTimeout(abandonTimer);
    return job;
  };

  const receive = (reply: SearchWorkerReply) => {
    if ('ready' in reply || reply.seq !== running?.seq) return;
    const job = take()!;
    if (job.superseded) job.settle(SUPERSEDED);
    else if ('error' in reply) job.fail(new Error(`Search failed: ${reply.error}`));
    else job.settle(reply.response);
    pump();
  };

  const stopped = (why: string) => {
    worker = null;
    take()?.fail(new Error(`Search stopped unexpectedly (${why}). Search again; if it keeps failing, restart Marginalia.`));
    pump();
  };

  const abandon = () => {
    const job = running;
    if (!job?.superseded || !worker || abandoned >= MAX_ABANDONED) return;
    const old = worker;
    worker = null;
    abandoned += 1;
    old.once('exit', () => (abandoned -= 1));
    void old.terminate();
    take();
    job.settle(SUPERSEDED);
    pump();
  };

  const pump = () => {
    if (closed || running || queue.length === 0) return;
    const job = queue.shift()!;
    running = job;
    job.startedAt = performance.now();
    worker ??= spawn();
    worker.postMessage({ seq: job.seq, query: job.query, limit: job.limit } satisfies SearchWorkerRequest);
  };

  // Started now, so the first keystroke does not wait for the thread to load.
  worker = spawn();

  return {
    search: ({ query, limit, client }) =>
      new Promise<SearchResponse>((settle, fail) => {
        if (closed) return fail(new Error('Search is closed: the library was closed.'));
        if (client !== undefined) {
          for (const job of queue) if (job.client === client) job.settle(SUPERSEDED);
          queue = queue.filter((job) => job.client !== client);
          if (running?.client === client && !running.superseded) {
            running.superseded = true;
            const left = abandonAfterMs - (performance.now() - running.startedAt);
            if (left <= 0) abandon();
            else abandonTimer = setTimeout(abandon, left);
          }
        }
        queue.push({ seq: ++seq, client, query, limit, startedAt: 0, superseded: false, settle, fail });
        pump();
      }),
    close: async () => {
      closed = true;
      for (const job of [take(), ...queue]) job?.settle(SUPERSEDED);
      queue = [];
      const last = worker;
      worker = null;
      await last?.terminate();
    },
  };
}
