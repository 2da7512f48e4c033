// Where the Electron runtime is, if this machine has one. Electron's npm package fetches its
// binary from GitHub on first use; ELECTRON_OVERRIDE_DIST_PATH or ELECTRON_EXEC_PATH point at one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDirectory() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function installedExecutable(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const executableName = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? (fs.existsSync(pathFile) ? path.join(electronDir, 'dist') : null);
  if (!dist) return null;
  const candidate = path.join(dist, executableName);
  return fs.existsSync(candidate) ? candidate : null;
}

/** The executable, or null. With `download`, first gives Electron's own download one short try. */
export function findElectron({ download = false } = {}) {
  if (process.env.ELECTRON_EXEC_PATH) return fs.existsSync(process.env.ELECTRON_EXEC_PATH) ? process.env.ELECTRON_EXEC_PATH : null;
  const electronDir = electronPackageDirectory();
  if (!electronDir) return null;
  const found = installedExecutable(electronDir);
  if (found || !download) return found;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return installedExecutable(electronDir);
}
