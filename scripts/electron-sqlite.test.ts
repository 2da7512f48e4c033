import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Step, WantedBuild } from './electron-sqlite.mjs';
import { BINDING, BUILD_RECORD, buildStatus, decideStart, wantedBuild } from './electron-sqlite.mjs';

// The download and the build are faked at their edge: each "step" writes (or does not write) the
// binary into the staging folder it is given, as prebuild-install and node-gyp would.
let root: string;
let sourceDir: string;
let targetDir: string;
const electron = { executable: '/opt/electron/electron', version: '45.5.0', abi: '150' };
const sqliteVersion = '12.11.1';

function writeBinary(dir: string, content: string) {
  fs.mkdirSync(path.join(dir, path.dirname(BINDING)), { recursive: true });
  fs.writeFileSync(path.join(dir, BINDING), content);
}
const succeeds =
  (content: string): Step =>
  (dir) => {
    writeBinary(dir, content);
    return { ok: true };
  };
const fails =
  (detail: string): Step =>
  () => ({ ok: false, detail });
const mustNotRun: Step = () => {
  throw new Error('this step must not run');
};

function start(options: { fetchPrebuilt: Step; buildFromSource: Step; electron?: typeof electron | null; overrideBinding?: string }) {
  const lines: string[] = [];
  const decision = decideStart({ electron: options.electron === undefined ? electron : options.electron, targetDir, sourceDir, sqliteVersion, overrideBinding: options.overrideBinding, fetchPrebuilt: options.fetchPrebuilt, buildFromSource: options.buildFromSource, log: (line) => lines.push(line) });
  return decision.then((result) => ({ result, lines }));
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-sqlite-'));
  sourceDir = path.join(root, 'node_modules', 'better-sqlite3');
  targetDir = path.join(root, '.electron-sqlite');
  fs.mkdirSync(path.join(sourceDir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(sourceDir, 'package.json'), '{"name":"better-sqlite3"}');
  fs.writeFileSync(path.join(sourceDir, 'src', 'addon.cpp'), '// source');
  writeBinary(sourceDir, 'node build');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm start with the Electron runtime present', () => {
  it('fetches a prebuilt binary when there is no build, says so in one line, and records what it was built for', async () => {
    const { result, lines } = await start({ fetchPrebuilt: succeeds('electron prebuilt'), buildFromSource: mustNotRun });
    expect(result).toEqual({ mode: 'electron', executable: electron.executable, binding: path.join(targetDir, BINDING) });
    expect(lines).toEqual(['Preparing SQLite for Electron 45.5.0, once…']);
    expect(fs.readFileSync(path.join(targetDir, BINDING), 'utf8')).toBe('electron prebuilt');
    expect(JSON.parse(fs.readFileSync(path.join(targetDir, BUILD_RECORD), 'utf8'))).toMatchObject({ electronVersion: '45.5.0', abi: '150', sqliteVersion, how: 'prebuilt' });
    // The sources were copied, Node's own build was neither copied nor touched.
    expect(fs.existsSync(path.join(targetDir, 'src', 'addon.cpp'))).toBe(true);
    expect(fs.readFileSync(path.join(sourceDir, BINDING), 'utf8')).toBe('node build');
  });

  it('builds from source against Electron when no prebuilt binary can be fetched', async () => {
    const { result } = await start({ fetchPrebuilt: fails('404 Not Found'), buildFromSource: succeeds('electron from source') });
    expect(result.mode).toBe('electron');
    expect(fs.readFileSync(path.join(targetDir, BINDING), 'utf8')).toBe('electron from source');
    expect(JSON.parse(fs.readFileSync(path.join(targetDir, BUILD_RECORD), 'utf8')).how).toBe('source');
  });

  it('opens at once, preparing nothing, when the build matches this Electron', async () => {
    await start({ fetchPrebuilt: succeeds('first'), buildFromSource: mustNotRun });
    const { result, lines } = await start({ fetchPrebuilt: mustNotRun, buildFromSource: mustNotRun });
    expect(result.mode).toBe('electron');
    expect(lines).toEqual([]);
  });

  it('rebuilds a build made for another Electron version', async () => {
    await start({ fetchPrebuilt: succeeds('for 45'), buildFromSource: mustNotRun });
    const newer = { ...electron, version: '46.0.0', abi: '151' };
    expect(buildStatus(targetDir, wantedBuild({ electronVersion: '46.0.0', abi: '151', sqliteVersion }))).toBe('stale');
    const { result, lines } = await start({ electron: newer, fetchPrebuilt: succeeds('for 46'), buildFromSource: mustNotRun });
    expect(result.mode).toBe('electron');
    expect(lines).toEqual(['Preparing SQLite for Electron 46.0.0 (the one in .electron-sqlite/ was built for another version), once…']);
    expect(fs.readFileSync(path.join(targetDir, BINDING), 'utf8')).toBe('for 46');
  });

  it('treats a binary without its record (an older build by hand) as stale', async () => {
    writeBinary(targetDir, 'unknown');
    const wanted: WantedBuild = wantedBuild({ electronVersion: '45.5.0', abi: 150, sqliteVersion });
    expect(buildStatus(targetDir, wanted)).toBe('stale');
  });

  it('falls back to browser mode with why and how to retry when both fail, and leaves no half build', async () => {
    const { result } = await start({ fetchPrebuilt: fails('no prebuilt for electron-v150-linux-x64'), buildFromSource: fails('gyp ERR! Could not download headers') });
    expect(result).toEqual({
      mode: 'browser',
      reason:
        'SQLite could not be prepared for Electron 45.5.0 (no prebuilt binary: no prebuilt for electron-v150-linux-x64; building it: gyp ERR! Could not download headers); retry with `npm run build:electron-sqlite`',
    });
    expect(fs.existsSync(targetDir)).toBe(false);
    expect(fs.existsSync(`${targetDir}.partial`)).toBe(false);
  });

  it('keeps a working build for another version when the new one fails (browser mode, nothing deleted)', async () => {
    await start({ fetchPrebuilt: succeeds('for 45'), buildFromSource: mustNotRun });
    const { result } = await start({ electron: { ...electron, version: '46.0.0', abi: '151' }, fetchPrebuilt: fails('offline'), buildFromSource: fails('offline') });
    expect(result.mode).toBe('browser');
    expect(fs.readFileSync(path.join(targetDir, BINDING), 'utf8')).toBe('for 45');
  });

  it('counts a step that says it succeeded but left no binary as failed', async () => {
    const { result } = await start({ fetchPrebuilt: () => ({ ok: true }), buildFromSource: () => Promise.reject(new Error('spawn npx ENOENT')) });
    expect(result).toMatchObject({ mode: 'browser', reason: expect.stringContaining('no prebuilt binary: it produced no binary; building it: spawn npx ENOENT') });
  });

  it('uses MARGINALIA_SQLITE_BINDING as given, and says so when it names no file', async () => {
    const given = path.join(root, 'mine.node');
    fs.writeFileSync(given, 'x');
    expect((await start({ overrideBinding: given, fetchPrebuilt: mustNotRun, buildFromSource: mustNotRun })).result).toEqual({ mode: 'electron', executable: electron.executable, binding: given });
    const missing = (await start({ overrideBinding: path.join(root, 'gone.node'), fetchPrebuilt: mustNotRun, buildFromSource: mustNotRun })).result;
    expect(missing).toMatchObject({ mode: 'browser', reason: expect.stringContaining('gone.node, which does not exist') });
  });
});

describe('npm start without the Electron runtime', () => {
  it('opens browser mode saying why, without building anything', async () => {
    const { result, lines } = await start({ electron: null, fetchPrebuilt: mustNotRun, buildFromSource: mustNotRun });
    expect(result).toEqual({ mode: 'browser', reason: 'The Electron runtime is not available on this machine (it could not be downloaded)' });
    expect(lines).toEqual([]);
  });
});
