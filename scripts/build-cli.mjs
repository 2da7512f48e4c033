#!/usr/bin/env node
// Builds the `marginalia` command ahead of time into out/cli/, so it starts without compiling
// TypeScript on every run (bin/marginalia.js runs it; it falls back to the sources through tsx when
// this build is missing or older than them). Our sources are bundled, and the few plain-JavaScript
// packages every start loads (BUNDLED_PACKAGES); the rest stay external (native better-sqlite3,
// pdf.js, linkedom… load from node_modules as they are).
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

/**
 * Packages bundled into the build, not loaded from node_modules: plain JavaScript that `serve` and
 * every command load before they can answer. From node_modules, Node reads zod as 95 files, and
 * reads CommonJS packages through its export scanner: snowball-stemmers (868 kB) cost 65-100 ms of
 * CPU that way, bundled 14; zod 90-105, bundled about 40. Lazily loaded packages (Lexical, the
 * importers) gain nothing at start and stay external.
 */
export const BUNDLED_PACKAGES = ['zod', 'snowball-stemmers', 'any-ascii', 'papaparse', 'approx-string-match'];

/** Every bare import outside BUNDLED_PACKAGES is left to Node (esbuild's `packages: 'external'`, with exceptions). */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (path.isAbsolute(args.path)) return undefined;
      const [scope, name] = args.path.split('/');
      const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
      return BUNDLED_PACKAGES.includes(pkg) ? undefined : { path: args.path, external: true };
    });
  },
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
    plugins: [externalPackages],
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
