/**
 * Event-loop delay of the browser host during an import (issue 12): 300 saved web pages and 300
 * PDFs sent over HTTP as the app sends them (batches of at most 100 files and 24 MB), while
 * perf_hooks.monitorEventLoopDelay samples the host process (eventLoopHost.ts): parsing in the parse
 * worker and storing from the store worker (its own connection), as the app and `marginalia serve`
 * do. Beside it, the same import storing on the host's connection (in its thread), and with parsing
 * in the host's thread too, as before issue 12. Budget: p99 < 50 ms.
 * Standalone: `npx tsx bench/eventLoopBench.ts [--html N] [--pdf N] [--worker-only]`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { FileToImport } from '../src/core/import/importFiles';
import { benchPage, benchPdf } from './fileImportBench';

export const EVENT_LOOP_BUDGET_P99_MS = 50;

export interface EventLoopFigures {
  mode: 'worker' | 'store-in-thread' | 'in-thread';
  files: number;
  /** The same host idle for 3 s just before: the loaded machine's own noise. */
  idleP99: number;
  seconds: number;
  /** CPU time of the host process during the import (its worker threads included), s. */
  cpuSeconds: number;
  /** Event-loop delay of the host process while it imported, ms. */
  p50: number;
  p99: number;
  max: number;
}

const MAX_BATCH_FILES = 100;
const MAX_BATCH_BYTES = 24 * 1024 * 1024;

function batches(files: FileToImport[]): FileToImport[][] {
  const out: FileToImport[][] = [];
  let current: FileToImport[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_BATCH_FILES || bytes + file.bytes.length > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function post(port: number, token: string, operation: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: `/api/${operation}`, method: 'POST', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`${operation}: ${response.statusCode} ${text.slice(0, 200)}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function measure(mode: EventLoopFigures['mode'], files: FileToImport[], directory: string): Promise<EventLoopFigures> {
  const libraryPath = path.join(directory, `event-loop-${mode}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(libraryPath + suffix, { force: true });
  const token = 'bench-token';
  // MARGINALIA_BENCH_CPU_PROF=DIR writes the host's CPU profile there (what still holds its loop).
  const profile = process.env.MARGINALIA_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.MARGINALIA_BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(import.meta.dirname, 'eventLoopHost.ts'), libraryPath, token, ...(mode === 'worker' ? [] : [`--${mode}`])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? '{}') as Record<string, number>;
  const { port } = await next();
  // Encoded before the clock starts, as the renderer encodes before it sends.
  const bodies = batches(files).map((batch) => JSON.stringify({ files: batch.map((file) => ({ name: file.name, contentBase64: Buffer.from(file.bytes).toString('base64') })) }));
  // A short idle spell lets the worker threads load; then the histogram starts afresh.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.stdin!.write('report\n');
  await next();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  child.stdin!.write('report\n');
  const idle = await next();
  const start = performance.now();
  for (const body of bodies) await post(port!, token, 'importFiles', body);
  const seconds = (performance.now() - start) / 1000;
  child.stdin!.write('report\n');
  const delay = await next();
  child.stdin!.write('exit\n');
  await new Promise((resolve) => child.once('exit', resolve));
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(libraryPath + suffix, { force: true });
  return { mode, files: files.length, idleP99: idle.p99!, seconds, cpuSeconds: delay.cpuSeconds!, p50: delay.p50!, p99: delay.p99!, max: delay.max! };
}

export async function runEventLoopBench(options: { htmlFiles: number; pdfFiles: number; directory: string; log: (line: string) => void; workerOnly?: boolean }): Promise<EventLoopFigures[]> {
  fs.mkdirSync(options.directory, { recursive: true });
  const files = [...Array.from({ length: options.htmlFiles }, (_, i) => benchPage(i)), ...Array.from({ length: options.pdfFiles }, (_, i) => benchPdf(i))];
  options.log(`Importing ${options.htmlFiles} pages and ${options.pdfFiles} PDFs through the browser host, parsing and storing in workers…`);
  const worker = await measure('worker', files, options.directory);
  if (options.workerOnly) return [worker];
  options.log('…again storing in the host thread…');
  const storeInThread = await measure('store-in-thread', files, options.directory);
  options.log('…and again parsing in the host thread too, as before…');
  const inThread = await measure('in-thread', files, options.directory);
  return [worker, storeInThread, inThread];
}

export function formatEventLoopReport(figures: EventLoopFigures[]): string {
  const lines = figures.map((f) => {
    const verdict = f.mode === 'worker' ? `; budget p99 < ${EVENT_LOOP_BUDGET_P99_MS} ms ${f.p99 < EVENT_LOOP_BUDGET_P99_MS ? 'ok' : 'OVER'}` : '';
    const label = { worker: 'parsing and storing in workers', 'store-in-thread': 'parsing in a worker, storing in the host thread', 'in-thread': 'parsing and storing in the host thread (before issue 12)' }[f.mode];
    return `  ${label}: ${f.files} files in ${f.seconds.toFixed(1)} s (host CPU ${f.cpuSeconds.toFixed(1)} s); event-loop delay p50 ${f.p50} ms, p99 ${f.p99} ms, max ${f.max} ms (idle p99 ${f.idleP99} ms)${verdict}`;
  });
  return `Host event-loop delay during an HTML + PDF import over HTTP\n${lines.join('\n')}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { html: { type: 'string', default: '300' }, pdf: { type: 'string', default: '300' }, 'worker-only': { type: 'boolean', default: false } } });
  const figures = await runEventLoopBench({ htmlFiles: Number(values.html), pdfFiles: Number(values.pdf), directory: path.resolve('.bench'), log: (line) => console.error(line), workerOnly: values['worker-only'] });
  console.log(formatEventLoopReport(figures));
}
