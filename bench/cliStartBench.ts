import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from '../scripts/build-cli.mjs';

/** `marginalia --version` must answer within this (issue 13 item 5). */
export const CLI_START_BUDGET_MS = 150;

export interface CliStartFigures {
  runs: number;
  /** `node -e 0`: Node's own start, the floor. */
  floorMs: { p50: number; p95: number };
  /** `marginalia --version` from the build in out/cli/. */
  versionMs: { p50: number; p95: number };
  /** `marginalia list` on an empty library: the whole command loaded, a library opened. */
  listMs: { p50: number; p95: number };
  /** `marginalia --version` from the sources through tsx (the fallback when the build is stale). */
  fromSourcesMs: { p50: number; p95: number };
}

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'marginalia.js');

function timeRun(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return ms;
}

const percentiles = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
};

/** Whole processes, interleaved (so load changes hit all alike), after building the CLI afresh. */
export async function runCliStartBench(runs = 20): Promise<CliStartFigures> {
  await buildCli();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-bench-'));
  const env = { ...process.env, MARGINALIA_LIBRARY: path.join(directory, 'library.sqlite') };
  try {
    timeRun([bin, 'list'], env); // creates the library, warms the disk cache
    const floor: number[] = [];
    const version: number[] = [];
    const list: number[] = [];
    const fromSources: number[] = [];
    for (let run = 0; run < runs; run++) {
      floor.push(timeRun(['-e', '0'], env));
      version.push(timeRun([bin, '--version'], env));
      list.push(timeRun([bin, 'list'], env));
      if (run % 4 === 0) fromSources.push(timeRun([bin, '--version'], { ...env, MARGINALIA_CLI_FROM_SOURCES: '1' }));
    }
    return { runs, floorMs: percentiles(floor), versionMs: percentiles(version), listMs: percentiles(list), fromSourcesMs: percentiles(fromSources) };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export function formatCliStartReport(figures: CliStartFigures): string {
  const { floorMs, versionMs, listMs, fromSourcesMs } = figures;
  return [
    `CLI start (whole processes, ${figures.runs} runs each, p50 / p95):`,
    `  marginalia --version  ${versionMs.p50} / ${versionMs.p95} ms, ${Math.round((versionMs.p50 - floorMs.p50) * 10) / 10} ms over the floor (node -e 0: ${floorMs.p50} / ${floorMs.p95} ms)   budget p50 < ${CLI_START_BUDGET_MS} ms ${versionMs.p50 < CLI_START_BUDGET_MS ? 'ok' : 'OVER'}`,
    `  marginalia list (empty library)  ${listMs.p50} / ${listMs.p95} ms`,
    `  --version from the sources (tsx, when the build is stale)  ${fromSourcesMs.p50} / ${fromSourcesMs.p95} ms`,
  ].join('\n');
}
