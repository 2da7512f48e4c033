#!/usr/bin/env node
// Builds the `marginalia` command ahead of time into out/cli/, so it starts without compiling
// TypeScript on every run (bin/marginalia.js runs it; it falls back to the sources through tsx when
// this build is missing or older than them). Our sources are bundled; packages stay external
// (native better-sqlite3, pdf.js, linkedom… load from node_modules as they are).
// Runs on `npm install` (the `prepare` script) and in `npm run build`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Every entry of the built CLI: the command, and each worker thread it starts, built beside it under
 * the name core looks for (src/core/workerEntry.ts). A new worker's entry is added here; the test
 * (build-cli.test.ts) fails for a worker in src/core that is missing.
 */
export const CLI_ENTRIES = {
  entry: 'src/cli/entry.ts',
  searchWorker: 'src/core/search/searchWorker.ts',
  parseWorker: 'src/core/import/parseWorker.ts',
  storeWorker: 'src/core/import/storeWorker.ts',
  integrityWorker: 'src/core/db/integrityWorker.ts',
};

export async function buildCli(outdir = path.join(root, 'out', 'cli')) {
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: CLI_ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true,
    // Chunks sit beside the entries, so import.meta.dirname is out/cli/ in every one (workerEntry.ts).
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The output is ESM whatever the nearest package.json says (this one says "module" already).
  fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
  return outdir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
