// better-sqlite3 for Electron's ABI, in .electron-sqlite/ beside Node's own build (which is never
// touched). The decisions are here, with the download and the build passed in, so they are tested
// without Electron or a network (electron-sqlite.test.ts); scripts/build-electron-sqlite.mjs gives
// the real ones.
import fs from 'node:fs';
import path from 'node:path';

/** Written beside the build: what it was built for, so another Electron version rebuilds it. */
export const BUILD_RECORD = 'marginalia-build.json';
export const BINDING = path.join('build', 'Release', 'better_sqlite3.node');

/** What a build in `targetDir` must have been made for to be used. */
export function wantedBuild({ electronVersion, abi, sqliteVersion, platform = process.platform, arch = process.arch }) {
  return { electronVersion, abi: String(abi), sqliteVersion, platform, arch };
}

/** 'ready', 'missing' or 'stale' (built for another Electron, ABI, better-sqlite3 or machine). */
export function buildStatus(targetDir, wanted) {
  if (!fs.existsSync(path.join(targetDir, BINDING))) return 'missing';
  let record;
  try {
    record = JSON.parse(fs.readFileSync(path.join(targetDir, BUILD_RECORD), 'utf8'));
  } catch {
    return 'stale';
  }
  return Object.entries(wanted).every(([key, value]) => record?.[key] === value) ? 'ready' : 'stale';
}

/**
 * Makes `targetDir` hold a build for `wanted`: a prebuilt binary first, else a build from source.
 * Works in a staging copy of better-sqlite3's sources, moved into place only once it succeeded, so
 * a failure leaves no half build. `fetchPrebuilt(dir, wanted)` and `buildFromSource(dir, wanted)`
 * return `{ ok, detail }` (detail: the tool's last words when it failed).
 * Resolves `{ ok: true, binding, how }` or `{ ok: false, reason }` (one sentence).
 */
export async function prepareBuild({ targetDir, sourceDir, wanted, fetchPrebuilt, buildFromSource }) {
  const staging = `${targetDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(sourceDir, staging, { recursive: true, filter: (file) => !path.relative(sourceDir, file).split(path.sep).includes('build') });
  const attempts = [];
  let how = null;
  for (const [name, step] of [['prebuilt', fetchPrebuilt], ['source', buildFromSource]]) {
    const result = await Promise.resolve().then(() => step(staging, wanted)).catch((error) => ({ ok: false, detail: error?.message ?? String(error) }));
    if (result.ok && fs.existsSync(path.join(staging, BINDING))) {
      how = name;
      break;
    }
    attempts.push(result.detail || (result.ok ? 'it produced no binary' : 'it failed'));
  }
  if (!how) {
    fs.rmSync(staging, { recursive: true, force: true });
    return { ok: false, reason: `SQLite could not be prepared for Electron ${wanted.electronVersion} (no prebuilt binary: ${attempts[0]}; building it: ${attempts[1]})` };
  }
  fs.writeFileSync(path.join(staging, BUILD_RECORD), `${JSON.stringify({ ...wanted, how }, null, 2)}\n`);
  fs.rmSync(targetDir, { recursive: true, force: true });
  fs.renameSync(staging, targetDir);
  return { ok: true, binding: path.join(targetDir, BINDING), how };
}

/**
 * What `npm start` opens. `electron` is the runtime found (`{ executable, version, abi }`) or null.
 * Prepares SQLite when it is missing or stale, saying so in one line through `log`.
 * Resolves `{ mode: 'electron', executable, binding }` or `{ mode: 'browser', reason }`.
 */
export async function decideStart({ electron, targetDir, sourceDir, sqliteVersion, overrideBinding, fetchPrebuilt, buildFromSource, log }) {
  if (!electron) return { mode: 'browser', reason: 'The Electron runtime is not available on this machine (it could not be downloaded)' };
  if (overrideBinding) {
    return fs.existsSync(overrideBinding)
      ? { mode: 'electron', executable: electron.executable, binding: overrideBinding }
      : { mode: 'browser', reason: `MARGINALIA_SQLITE_BINDING names ${overrideBinding}, which does not exist (unset it to have SQLite prepared)` };
  }
  const wanted = wantedBuild({ electronVersion: electron.version, abi: electron.abi, sqliteVersion });
  const status = buildStatus(targetDir, wanted);
  if (status === 'ready') return { mode: 'electron', executable: electron.executable, binding: path.join(targetDir, BINDING) };
  log(`Preparing SQLite for Electron ${electron.version}${status === 'stale' ? ' (the one in .electron-sqlite/ was built for another version)' : ''}, once…`);
  const result = await prepareBuild({ targetDir, sourceDir, wanted, fetchPrebuilt, buildFromSource });
  if (!result.ok) return { mode: 'browser', reason: `${result.reason}; retry with \`npm run build:electron-sqlite\`` };
  return { mode: 'electron', executable: electron.executable, binding: result.binding };
}
