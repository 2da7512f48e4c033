#!/usr/bin/env node
// better-sqlite3 is a native module: `npm install` builds it for Node (tests, CLI, host). The
// desktop app needs a second build against Electron's ABI. This builds one into .electron-sqlite/
// without touching node_modules, so Node and Electron both run from one checkout; the main
// process loads it through better-sqlite3's `nativeBinding` option (src/main/index.ts).
// Needs Electron's headers from https://electronjs.org/headers (not reachable on our build machines).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, '.electron-sqlite');
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));

fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(source, target, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
const result = spawnSync('npx', ['node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: target, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`Building better-sqlite3 for Electron ${electronVersion} failed (see above). Electron's headers must be downloadable.`);
  process.exit(1);
}
console.log(`Built ${path.join(target, 'build/Release/better_sqlite3.node')} for Electron ${electronVersion}.`);
