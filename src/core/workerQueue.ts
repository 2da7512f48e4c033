import type { Worker } from 'node:worker_threads';
import { startWorker } from './search/searchWorkerHandlers';

/** What a queue's thread posts back: once `{ ready: true }` when it has loaded, then one answer per job, by its number. */
export type WorkerReply = { ready: true } | { seq: number };

/** An answer turned into the job's outcome. */
export type Settled<Result> = { value: Result } | { error: Error };

export interface WorkerQueueOptions<Reply extends WorkerReply, Result> {
  /** The thread's entry (workerEntry.ts) and what it is started with. */
  entry: string;
  workerData: object;
  /** The outcome of an answer (never `ready`). */
  settle: (reply: Exclude<Reply, { ready: true }>) => Settled<Result>;
  /** The error of the job running when the thread dies (`why` says how: its error, or its exit code). */
  stoppedError: (why: string) => Error;
  /** The error of a job asked for after close(). */
  closedError: () => Error;
  /**
   * A job still running this long after the thread said it is ready fails with `error()`, and its
   * thread is ended and replaced for the next job (better-sqlite3 and pdf.js cannot be interrupted).
   */
  timeLimit?: { ms: number; error: () => Error };
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
 * One worker thread answering one job at a time, in order: the shape the import's parse and store
 * workers share (parseInWorker.ts, storeInWorker.ts). Each job is numbered, so a late answer is
 * never taken for the next job's; a thread that dies fails the job it held and is replaced for the
 * next; a forgotten close() does not keep the process alive. Written here rather than taken from a
 * pool library (piscina, workerpool): those run many threads and retry or spread jobs, while each of
 * these is one thread owning one SQLite connection or one parser, whose replacement on a time limit
 * is the point.
 */
export function createWorkerQueue<Request extends object, Reply extends WorkerReply, Result>(options: WorkerQueueOptions<Reply, Result>): WorkerQueue<Request, Result> {
  let worker: Worker | null = null;
  let running: Job<Request, Result> | null = null;
  let queue: Job<Request, Result>[] = [];
  let seq = 0;
  let closed = false;
  let drained: (() => void) | null = null;
  // The clock starts once the thread has loaded (tsx and the parsers take a moment): only the job counts.
  let ready = false;
  let timer: NodeJS.Timeout | undefined;

  const startClock = () => {
    if (options.timeLimit && running && ready) timer ??= setTimeout(overTime, options.timeLimit.ms);
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

  const finish = (): Job<Request, Result> | null => {
    const job = running;
    running = null;
    clearTimeout(timer);
    timer = undefined;
    return job;
  };

  const receive = (reply: Reply) => {
    if ('ready' in reply) {
      ready = true;
      return startClock();
    }
    if (reply.seq !== running?.seq) return;
    const job = finish()!;
    const outcome = options.settle(reply as Exclude<Reply, { ready: true }>);
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
    pump();
  };

  const stopped = (why: string) => {
    worker = null;
    finish()?.reject(options.stoppedError(why));
    pump();
  };

  const overTime = () => {
    const old = worker;
    worker = null;
    void old?.terminate();
    finish()?.reject(options.timeLimit!.error());
    pump();
  };

  const pump = () => {
    if (running) return;
    const job = queue.shift();
    if (!job) return drained?.();
    running = job;
    worker ??= spawn();
    startClock();
    worker.postMessage({ seq: job.seq, ...job.request });
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
        for (const job of [finish(), ...queue]) job?.reject(how.reject);
        queue = [];
      } else if (running || queue.length > 0) {
        await new Promise<void>((resolve) => (drained = resolve));
      }
      const last = worker;
      worker = null;
      await last?.terminate();
    },
  };
}
