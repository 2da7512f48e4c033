#!/usr/bin/env node
// `npm run dist`: the installers for this system (electron-builder.yml). electron-builder rebuilds
// better-sqlite3 for Electron inside node_modules (its npmRebuild), which would leave the tests,
// the CLI and the browser host with a binary Node cannot load; Node's build is kept aside and put
// back afterwards, whatever happens, so node_modules ends as it began.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
// Inside the checkout (git-ignored), so it is found again after a crash of this script.
const aside = path.join(root, '.dist-node-sqlite', 'better_sqlite3.node');

const run = (script, args) => spawnSync(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

let status = run('electron-vite/bin/electron-vite.js', ['build']);
if (status === 0) {
  fs.mkdirSync(path.dirname(aside), { recursive: true });
  fs.copyFileSync(nodeBuild, aside);
  try {
    status = run('electron-builder/cli.js', ['--publish', 'never', ...process.argv.slice(2)]);
  } finally {
    // The rebuild removes better-sqlite3's build folder before it starts, and may fail half way.
    fs.mkdirSync(path.dirname(nodeBuild), { recursive: true });
    fs.copyFileSync(aside, nodeBuild);
    fs.rmSync(path.dirname(aside), { recursive: true, force: true });
  }
}
if (status !== 0) console.error('The installers were not built (see above). electron-builder downloads Electron, its headers and its tools: it needs GitHub and electronjs.org to be reachable.');
else console.log(`Installers are in ${path.join(root, 'dist')}.`);
process.exit(status);
