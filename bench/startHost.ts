import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/**
 * Starts `marginalia serve` on a library, for the benches that measure in a browser; resolves with its URL.
 * `MARGINALIA_BENCH_CLI` names another checkout's bin/marginalia.js, to time an older build in turn with this one.
 */
export async function startHost(libraryPath: string): Promise<{ child: ChildProcess; url: string }> {
  const cli = process.env.MARGINALIA_BENCH_CLI ? path.resolve(process.env.MARGINALIA_BENCH_CLI) : path.resolve(import.meta.dirname, '../bin/marginalia.js');
  const child = spawn(process.execPath, [cli, '--library', libraryPath, '--json', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready.`)));
  });
  return { child, url };
}
