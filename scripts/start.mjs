#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where the Electron runtime cannot be obtained,
// say so in one line and open the same app in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectron } from './electron.mjs';

const root = path.resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed (see above). Run `npm install` and try again.');
  process.exit(build.status ?? 1);
}

const electron = findElectron({ download: true });
const child = electron
  ? spawn(electron, ['.', ...passThrough], { cwd: root, stdio: 'inherit' })
  : (console.log('The Electron runtime is not available on this machine (it could not be downloaded), so Marginalia opens in browser mode instead.'),
    spawn(process.execPath, [path.join(root, 'bin/marginalia.js'), ...passThrough, 'serve'], { cwd: root, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
