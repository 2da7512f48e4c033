import type { Worker } from 'node:worker_threads';
import { startWorker } from './search/searchWorkerHandlers';

/**
 * What a queue's thread posts back: `{ ready: true }` when it has loaded, then one answer per job,
 * by its number. A thread that loads more for a job (the parse worker's language detector) says
 * `{ ready: false }` while it does: the job's clock stops, and goes on at the next `ready: true`.
 */
export type WorkerReply = { ready: boolean } | { seq: number };

/** An answer turned into the job's outcome. */
export type Settled<Result> = { value: Result } | { error: Error };

export interface WorkerQueueOptions<Reply extends WorkerReply, Result> {
  /** The thread's entry (workerEntry.ts) and what it is started with. */
  entry: string;
  workerData: object;
  /** The outcome of an answer (never `ready`). */
  settle: (reply: Exclude<Reply, { ready: boolean }>) => Settled<Result>;
  /** The error of the job running when the thread dies (`why` says how: its error, or its exit code). */
  stoppedError: (why: string) => Error;
  /** The error of a job asked for after close(). */
  closedError: () => Error;
  /**
   * A job still running this long after the thread said it is ready fails with `error()`, and its
   * thread is ended and replaced for the next job (better-sqlite3 and pdf.js cannot be interrupted).
   */
  timeLimit?: { ms: number; error: () => Error };
  /**
   * Jobs handed to the thread at once (default 1). More keep a thread busy while the thread that
   * asks is too busy to hand it the next (the importer storing a batch): each answer waits in that
   * thread's queue, and the worker, given one job, would wait with it. The thread must answer its
   * jobs one at a time; the time limit counts from when the job before it was answered.
   */
  depth?: number;
}

export interface WorkerQueue<Request extends object, Result> {
  /** Queues a job; the thread gets `{ seq, ...request }`. */
  run(request: Request): Promise<Result>;
  /** Starts the thread ahead of the first job (its modules take a moment to load). */
  warm(): void;
  /**
   * Ends the thread. `drain`: the job handed over and those queued finish first (a batch of writes
   * commits or rolls back whole, and its caller hears which); `reject`: they fail with the error.
   */
  close(how: { drain: true } | { reject: Error }): Promise<void>;
}

interface Job<Request, Result> {
  seq: number;
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread answering one job at a time, in order, handed `depth` of them at once: the
 * shape the import's parse and store workers share (parseInWorker.ts, storeInWorker.ts). Each job
 * is numbered, so a late answer is never taken for the next job's; a thread that dies or runs past
 * its time limit is replaced, failing the job that killed it (stopped, overTime); a forgotten
 * close() does not keep the process alive. Written here rather than taken from a
 * pool library (piscina, workerpool): those run many threads and retry or spread jobs, while each of
 * these is one thread owning one SQLite connection or one parser, whose replacement on a time limit
 * is the point.
 */
export function createWorkerQueue<Request extends object, Reply extends WorkerReply, Result>(options: WorkerQueueOptions<Reply, Result>): WorkerQueue<Request, Result> {
  let worker: Worker | null = null;
  const depth = Math.max(1, options.depth ?? 1);
  // Handed to the thread and not yet answered, oldest first: the first is the one it is on.
  let posted: Job<Request, Result>[] = [];
  let queue: Job<Request, Result>[] = [];
  let seq = 0;
  let closed = false;
  let drained: (() => void) | null = null;
  // The clock starts once the thread has loaded (tsx and the parsers take a moment): only the job counts.
  let ready = false;
  let timer: NodeJS.Timeout | undefined;
  // The head job's time before its clock last stopped (its thread loading), and when the clock last started.
  let spent = 0;
  let clockStarted = 0;
  // Jobs to hand over one at a time: those a thread held when it died, until each has been answered alone.
  let alone = 0;

  const startClock = () => {
    if (!options.timeLimit || posted.length === 0 || !ready || timer !== undefined) return;
    clockStarted = performance.now();
    timer = setTimeout(overTime, Math.max(0, options.timeLimit.ms - spent));
  };

  /** The head job is done with (answered, failed, or handed back): the next one's clock starts from nothing. */
  const resetClock = () => {
    clearTimeout(timer);
    timer = undefined;
    spent = 0;
  };

  const spawn = (): Worker => {
    ready = false;
    const started = startWorker(options.entry, options.workerData);
    started.unref();
    started.on('message', (reply: Reply) => started === worker && receive(reply));
    started.on('error', (error) => started === worker && stopped(error.message));
    started.on('exit', (code) => started === worker && stopped(`it exited with code ${code}`));
    return started;
  };

  /** Takes a job out of those handed over (the first by default); the clock restarts for the next. */
  const finish = (at = 0): Job<Request, Result> | null => {
    const [job] = posted.splice(at, 1);
    if (at === 0) resetClock();
    return job ?? null;
  };

  const receive = (reply: Reply) => {
    if ('ready' in reply) {
      // Not ready while it loads for the job in hand: that job's clock stops, and goes on from
      // where it was when the thread is ready again.
      if (timer !== undefined) {
        spent += performance.now() - clockStarted;
        clearTimeout(timer);
        timer = undefined;
      }
      ready = reply.ready;
      return startClock();
    }
    const at = posted.findIndex((job) => job.seq === reply.seq);
    if (at < 0) return;
    const job = finish(at)!;
    alone = Math.max(0, alone - 1);
    const outcome = options.settle(reply as Exclude<Reply, { ready: boolean }>);
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
    pump();
  };

  /** The thread is gone: the job it was on fails with `error`, the others it held go back first in line for a fresh one. */
  const lost = (error: Error) => {
    worker = null;
    finish()?.reject(error);
    alone = Math.max(0, alone - 1);
    queue = [...posted, ...queue];
    posted = [];
    pump();
  };

  /**
   * The thread died. Holding one job, that job killed it. Holding several, which one is not known:
   * the answers it sent before dying may come after its exit, or not at all, and are dropped with it.
   * Then none fails yet: they go back first in line, each to be handed over alone, so that the one
   * that kills a thread again is the one that fails.
   */
  const stopped = (why: string) => {
    if (posted.length <= 1) return lost(options.stoppedError(why));
    worker = null;
    resetClock();
    alone = Math.max(alone, posted.length);
    queue = [...posted, ...queue];
    posted = [];
    pump();
  };

  const overTime = () => {
    // Node runs due timers before it reads the threads' messages: after this thread was busy past
    // the limit (the CLI commits a batch on it), the answer may be in already. It is read first
    // (the poll phase comes before setImmediate's), and the job fails only if still unanswered.
    const fired = timer;
    const job = posted[0];
    setImmediate(() => {
      if (timer !== fired || posted[0] !== job || !worker) return;
      void worker.terminate();
      lost(options.timeLimit!.error());
    });
  };

  const pump = () => {
    while (posted.length < (alone > 0 ? 1 : depth) && queue.length > 0) {
      const job = queue.shift()!;
      posted.push(job);
      worker ??= spawn();
      worker.postMessage({ seq: job.seq, ...job.request });
    }
    startClock();
    if (posted.length === 0) drained?.();
  };

  return {
    run: (request) =>
      new Promise<Result>((resolve, reject) => {
        if (closed) return reject(options.closedError());
        queue.push({ seq: ++seq, request, resolve, reject });
        pump();
      }),
    warm: () => {
      if (!closed) worker ??= spawn();
    },
    close: async (how) => {
      closed = true;
      if ('reject' in how) {
        clearTimeout(timer);
        for (const job of [...posted, ...queue]) job.reject(how.reject);
        posted = [];
        queue = [];
      } else if (posted.length > 0 || queue.length > 0) {
        await new Promise<void>((resolve) => (drained = resolve));
      }
      const last = worker;
      worker = null;
      await last?.terminate();
    },
  };
}
