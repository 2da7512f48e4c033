import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createWorkerQueue, type WorkerQueue } from './workerQueue';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-queue-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A thread that answers `{ seq, echo }` after `wait` ms, and exits without answering when asked to `die`. */
const ECHO = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ seq, text, wait, die }) => {
  if (die) process.exit(3);
  setTimeout(() => parentPort.postMessage({ seq, echo: text }), wait ?? 0);
});
`;

type Request = { text: string; wait?: number; die?: boolean; announce?: boolean; before?: number; after?: number };
type Reply = { ready: boolean } | { seq: number; echo: string };

/** A queue over the thread `script`, its errors named after `who`. */
function queueOf(script: string, who: string, { timeLimitMs, depth }: { timeLimitMs?: number; depth?: number } = {}): WorkerQueue<Request, string> {
  const entry = path.join(dir, `${who}.mjs`);
  fs.writeFileSync(entry, script);
  return createWorkerQueue<Request, Reply, string>({
    entry,
    workerData: {},
    settle: (reply) => ({ value: reply.echo }),
    stoppedError: (why) => new Error(`the ${who} stopped (${why})`),
    closedError: () => new Error(`the ${who} was closed`),
    timeLimit: timeLimitMs === undefined ? undefined : { ms: timeLimitMs, error: () => new Error('too slow') },
    ...(depth === undefined ? {} : { depth }),
  });
}

const echoQueue = (timeLimitMs?: number) => queueOf(ECHO, 'echo', { timeLimitMs });

it('answers jobs in the order they were asked, one at a time', async () => {
  const queue = echoQueue();
  const answers = await Promise.all([queue.run({ text: 'a', wait: 30 }), queue.run({ text: 'b' }), queue.run({ text: 'c', wait: 5 })]);
  expect(answers).toEqual(['a', 'b', 'c']);
  await queue.close({ reject: new Error('closed') });
});

it('a thread that dies fails its job with the reason, and a fresh thread answers the next', async () => {
  const queue = echoQueue();
  const died = queue.run({ text: 'x', die: true });
  const next = queue.run({ text: 'after' });
  await expect(died).rejects.toThrow('the echo stopped (it exited with code 3)');
  await expect(next).resolves.toBe('after');
  await queue.close({ reject: new Error('closed') });
});

it('a job over the time limit fails, its late answer is not taken for the next job', async () => {
  const queue = echoQueue(100);
  const slow = queue.run({ text: 'slow', wait: 1_000 });
  const next = queue.run({ text: 'next' });
  await expect(slow).rejects.toThrow('too slow');
  await expect(next).resolves.toBe('next');
  await queue.close({ reject: new Error('closed') });
});

it('close with drain lets the running and queued jobs finish; close with reject fails them; later jobs are refused', async () => {
  const draining = echoQueue();
  const jobs = [draining.run({ text: '1', wait: 50 }), draining.run({ text: '2' })];
  await draining.close({ drain: true });
  await expect(Promise.all(jobs)).resolves.toEqual(['1', '2']);
  await expect(draining.run({ text: '3' })).rejects.toThrow('the echo was closed');

  const rejecting = echoQueue();
  const held = [rejecting.run({ text: '1', wait: 50 }), rejecting.run({ text: '2' })].map((job) => job.then(String, (error: Error) => `failed: ${error.message}`));
  await rejecting.close({ reject: new Error('gone') });
  expect(await Promise.all(held)).toEqual(['failed: gone', 'failed: gone']);
});

/** A thread that answers one job at a time, after `wait` ms, saying how many jobs it had been handed by then. */
const SERIAL = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
let handed = 0;
let previous = Promise.resolve();
parentPort.on('message', ({ seq, text, wait, die }) => {
  handed += 1;
  previous = previous.then(() => new Promise((resolve) => setTimeout(() => {
    if (die) process.exit(3);
    parentPort.postMessage({ seq, echo: text + ':' + handed });
    resolve();
  }, wait ?? 0)));
});
`;

const serialQueue = (depth: number, timeLimitMs?: number) => queueOf(SERIAL, 'thread', { depth, timeLimitMs });

it('with a depth, hands the thread that many jobs at once, and still answers them in order', async () => {
  const queue = serialQueue(3);
  const answers = await Promise.all(['a', 'b', 'c', 'd'].map((text, index) => queue.run({ text, wait: index === 0 ? 100 : 0 })));
  // When the first was answered the thread held three; the fourth was handed on as it came back.
  expect(answers[0]).toBe('a:3');
  expect(answers.map((answer) => answer.split(':')[0])).toEqual(['a', 'b', 'c', 'd']);
  expect(answers[3]).toBe('d:4');
  await queue.close({ reject: new Error('closed') });
});

it('with a depth, a job over the time limit fails alone: those handed with it are answered by a fresh thread', async () => {
  const queue = serialQueue(3, 150);
  const jobs = [queue.run({ text: 'slow', wait: 2_000 }), queue.run({ text: 'b' }), queue.run({ text: 'c' })].map((job) => job.then(String, (error: Error) => `failed: ${error.message}`));
  // The fresh thread is handed b and c again (a thread's count starts anew).
  expect(await Promise.all(jobs)).toEqual(['failed: too slow', 'b:2', 'c:2']);
  await queue.close({ reject: new Error('closed') });
});

it('with a depth, a thread that dies holding several fails the job that kills a thread alone; the others are answered', async () => {
  const queue = serialQueue(3);
  const jobs = [queue.run({ text: 'x', die: true }), queue.run({ text: 'b' }), queue.run({ text: 'c' })].map((job) => job.then(String, (error: Error) => `failed: ${error.message}`));
  // Which of the three killed it is not known, so each is handed to a fresh thread alone, one after another: x fails, b and c are answered.
  expect(await Promise.all(jobs)).toEqual(['failed: the thread stopped (it exited with code 3)', 'b:1', 'c:2']);
  await queue.close({ reject: new Error('closed') });
});

it('with a depth, a thread that dies holding several jobs fails only the one that kills a thread alone', async () => {
  const queue = serialQueue(3);
  // The thread answers a, then dies on x: a's answer may be lost with it, so a is handed over again.
  const jobs = [queue.run({ text: 'a' }), queue.run({ text: 'x', die: true }), queue.run({ text: 'c' }), queue.run({ text: 'd' })].map((job) =>
    job.then((answer) => answer.split(':')[0], (error: Error) => `failed: ${error.message}`),
  );
  expect(await Promise.all(jobs)).toEqual(['a', 'failed: the thread stopped (it exited with code 3)', 'c', 'd']);
  await queue.close({ reject: new Error('closed') });
});

/** A thread that works `before` ms on a job, loads something for 400 ms (saying it is not ready meanwhile, when `announce`), then works `after` ms and answers. */
const LOADING = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ seq, text, announce, before, after }) => {
  setTimeout(() => {
    if (announce) parentPort.postMessage({ ready: false });
    setTimeout(() => {
      if (announce) parentPort.postMessage({ ready: true });
      setTimeout(() => parentPort.postMessage({ seq, echo: text }), after);
    }, 400);
  }, before);
});
`;

it('a thread that says it is not ready while it loads for a job stops that job’s clock, which goes on from where it was', async () => {
  const loading = queueOf(LOADING, 'loading', { timeLimitMs: 300 });
  // 200 ms of work and 400 ms of loading: the loading is not counted.
  await expect(loading.run({ text: 'loaded', announce: true, before: 0, after: 200 })).resolves.toBe('loaded');
  // 200 ms before the loading and 200 ms after are 400 ms of work: over the limit.
  await expect(loading.run({ text: 'slow', announce: true, before: 200, after: 200 })).rejects.toThrow('too slow');
  await loading.close({ reject: new Error('closed') });
  // The same 600 ms without saying so is over the limit.
  const silent = queueOf(LOADING, 'silent', { timeLimitMs: 300 });
  await expect(silent.run({ text: 'silent', before: 0, after: 200 })).rejects.toThrow('too slow');
  await silent.close({ reject: new Error('closed') });
});

it('a job answered while this thread was busy past its time limit is taken, not failed as too slow', async () => {
  // The CLI stores a batch synchronously on the thread that runs the clock: a commit longer than
  // the limit must not fail a file whose answer came in during it (Node runs due timers first).
  const queue = echoQueue(200);
  await queue.run({ text: 'warm' }); // the thread is loaded and ready
  for (let round = 0; round < 5; round++) {
    const answered = queue.run({ text: `answered ${round}` });
    // Busy from a turn of its own, as importFiles is after `nextTurn()`: the next turn of the event
    // loop runs its due timers before it reads the thread's messages.
    await new Promise((resolve) => setImmediate(resolve));
    const busyUntil = performance.now() + 400;
    while (performance.now() < busyUntil); // the answer comes in meanwhile
    await expect(answered).resolves.toBe(`answered ${round}`);
  }
  // A job that is truly slow still fails.
  await expect(queue.run({ text: 'slow', wait: 1_000 })).rejects.toThrow('too slow');
  await queue.close({ reject: new Error('closed') });
});
