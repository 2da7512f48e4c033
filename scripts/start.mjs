#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where the Electron runtime cannot be obtained,
// say so in one line and open the same app in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectron } from './electron.mjs';

const root = path.resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed (see above). Run `npm install` and try again.');
  process.exit(build.status ?? 1);
}

// The desktop app also needs SQLite built for Electron's ABI (`npm run build:electron-sqlite`).
const electronSqlite = process.env.MARGINALIA_SQLITE_BINDING ?? path.join(root, '.electron-sqlite/build/Release/better_sqlite3.node');
const electron = findElectron({ download: true });
const reason = !electron
  ? 'The Electron runtime is not available on this machine (it could not be downloaded)'
  : !fs.existsSync(electronSqlite)
    ? 'SQLite is not built for Electron yet (run `npm run build:electron-sqlite` where electronjs.org is reachable)'
    : null;
const child = reason
  ? (console.log(`${reason}, so Marginalia opens in browser mode instead.`), spawn(process.execPath, [path.join(root, 'bin/marginalia.js'), ...passThrough, 'serve'], { cwd: root, stdio: 'inherit' }))
  : spawn(electron, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
// Ctrl+C reaches the child from the terminal already; a second SIGINT would kill Electron before it
// saves the open note. Only signals the terminal does not send are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
