#!/usr/bin/env node
// better-sqlite3 is a native module: `npm install` builds it for Node (tests, CLI, host). The
// desktop app needs a second build against Electron's ABI, in .electron-sqlite/, without touching
// node_modules, so Node and Electron both run from one checkout; the main process loads it through
// better-sqlite3's `nativeBinding` option (src/main/index.ts). `npm start` calls prepareForElectron
// when that build is missing or stale; run this script to (re)build it by hand.
// First a prebuilt binary for Electron's ABI (prebuild-install, from better-sqlite3's releases),
// else node-gyp against Electron's headers from electronjs.org.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BINDING, decideStart, prepareBuild, wantedBuild } from './electron-sqlite.mjs';
import { findElectron } from './electron.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
export const ELECTRON_SQLITE_DIR = path.join(root, '.electron-sqlite');
const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;

const lastLine = (result) => (result.error?.message ?? `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').pop()) || `exit ${result.status}`;
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 15 * 60_000 });
  return { ok: result.status === 0, detail: result.status === 0 ? '' : lastLine(result) };
};

export function fetchPrebuilt(dir, wanted) {
  const bin = require.resolve('prebuild-install/bin.js');
  return run(process.execPath, [bin, '--runtime', 'electron', '--target', wanted.electronVersion, '--arch', wanted.arch, '--platform', wanted.platform], dir);
}

export function buildFromSource(dir, wanted) {
  // npm gives scripts its own node-gyp; outside npm, npx fetches one.
  const gyp = process.env.npm_config_node_gyp;
  const [command, args] = gyp && fs.existsSync(gyp) ? [process.execPath, [gyp]] : ['npx', ['--yes', 'node-gyp']];
  return run(command, [...args, 'rebuild', '--release', `--runtime=electron`, `--target=${wanted.electronVersion}`, `--arch=${wanted.arch}`, '--dist-url=https://electronjs.org/headers'], dir);
}

/** The Electron found on this machine, with its version and ABI; null when there is none. */
export function electronRuntime({ download = true } = {}) {
  const executable = findElectron({ download });
  if (!executable) return null;
  // A dist folder carries its own version file (an ELECTRON_OVERRIDE_DIST_PATH may differ from the package).
  const versionFile = path.join(path.dirname(executable), 'version');
  const version = fs.existsSync(versionFile) ? fs.readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : require('electron/package.json').version;
  const nodeAbi = createRequire(require.resolve('prebuild-install/package.json'))('node-abi');
  return { executable, version, abi: String(nodeAbi.getAbi(version, 'electron')) };
}

/** What `npm start` needs: `{ mode: 'electron', executable, binding }` or `{ mode: 'browser', reason }`. */
export function prepareForElectron({ log = console.log } = {}) {
  return decideStart({ electron: electronRuntime(), targetDir: ELECTRON_SQLITE_DIR, sourceDir, sqliteVersion, overrideBinding: process.env.MARGINALIA_SQLITE_BINDING, fetchPrebuilt, buildFromSource, log });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const electron = electronRuntime();
  if (!electron) {
    console.error('The Electron runtime is not available on this machine (it could not be downloaded), so SQLite was not built for it.');
    process.exit(1);
  }
  const wanted = wantedBuild({ electronVersion: electron.version, abi: electron.abi, sqliteVersion });
  console.log(`Preparing SQLite for Electron ${electron.version} (ABI ${electron.abi})…`);
  const result = await prepareBuild({ targetDir: ELECTRON_SQLITE_DIR, sourceDir, wanted, fetchPrebuilt, buildFromSource });
  if (!result.ok) {
    console.error(`${result.reason}.`);
    process.exit(1);
  }
  console.log(`Ready: ${path.join(ELECTRON_SQLITE_DIR, BINDING)} (${result.how === 'prebuilt' ? 'prebuilt binary' : 'built from source'}).`);
}
