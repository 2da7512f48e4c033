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

type Request = { text: string; wait?: number; die?: boolean };
type Reply = { ready: true } | { seq: number; echo: string };

function echoQueue(timeLimitMs?: number): WorkerQueue<Request, string> {
  const entry = path.join(dir, 'echo.mjs');
  fs.writeFileSync(entry, ECHO);
  return createWorkerQueue<Request, Reply, string>({
    entry,
    workerData: {},
    settle: (reply) => ({ value: reply.echo }),
    stoppedError: (why) => new Error(`the echo stopped (${why})`),
    closedError: () => new Error('the echo was closed'),
    timeLimit: timeLimitMs === undefined ? undefined : { ms: timeLimitMs, error: () => new Error('too slow') },
  });
}

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
