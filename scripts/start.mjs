#!/usr/bin/env node
// `npm start`: build, then open the desktop app; where the Electron runtime cannot be obtained,
// say so in one line and open the same app in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli } from './build-cli.mjs';
import { prepareForElectron } from './build-electron-sqlite.mjs';

const root = path.resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed (see above). Run `npm install` and try again.');
  process.exit(build.status ?? 1);
}
// The CLI too (browser mode runs `marginalia serve`), so it starts from its build, not the sources.
await buildCli();

// The desktop app also needs SQLite built for Electron's ABI: prepared here when it is missing or
// was built for another Electron (scripts/electron-sqlite.mjs decides, one line says so).
const decision = await prepareForElectron();
const child =
  decision.mode === 'browser'
    ? (console.log(`${decision.reason}, so Marginalia opens in browser mode instead.`), spawn(process.execPath, [path.join(root, 'bin/marginalia.js'), ...passThrough, 'serve'], { cwd: root, stdio: 'inherit' }))
    : spawn(decision.executable, ['.', ...passThrough], { cwd: root, stdio: 'inherit', env: { ...process.env, MARGINALIA_SQLITE_BINDING: decision.binding } });
// Ctrl+C reaches the child from the terminal already; a second SIGINT would kill Electron before it
// saves the open note. Only signals the terminal does not send are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
