import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_ENTRIES } from './build-cli.mjs';

// The built CLI, as `npx marginalia` runs it: built into its own folder under out/ (packages are
// external, so it must sit inside the checkout to find node_modules), run as a whole process.
const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'out', `cli-test-${process.pid}`);
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
let libraryDir: string;
let host: ChildProcess | undefined;

beforeAll(async () => {
  await buildCli(outdir);
  libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-built-cli-'));
}, 60_000);
afterAll(() => {
  host?.kill('SIGTERM');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(libraryDir, { recursive: true, force: true });
});

const runBuilt = (...args: string[]) => spawnSync(process.execPath, [path.join(outdir, 'entry.js'), '--library', path.join(libraryDir, 'library.sqlite'), ...args], { encoding: 'utf8' });

describe('the CLI built ahead of time', () => {
  it('answers --version with the package version, and as an option of main too', () => {
    expect(spawnSync(process.execPath, [path.join(outdir, 'entry.js'), '--version'], { encoding: 'utf8' }).stdout).toBe(`${version}\n`);
    expect(runBuilt('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('imports and lists (the importers load from the build)', () => {
    const imported = runBuilt('import', path.join(root, 'resources', 'samples'));
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^5 imported, 0 duplicate, 0 failed\.$/m);
    const listed = runBuilt('list', '--json');
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(5);
  });

  it('starts the search worker from the build: `serve` answers a search', async () => {
    host = spawn(process.execPath, [path.join(outdir, 'entry.js'), '--library', path.join(libraryDir, 'library.sqlite'), '--json', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MARGINALIA_HOST_TOKEN: 'built-cli-test' } });
    const { port } = JSON.parse(await firstLine(host)) as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/api/search`, { method: 'POST', headers: { authorization: 'Bearer built-cli-test', 'content-type': 'application/json' }, body: JSON.stringify({ query: 'lachin' }) });
    const body = (await response.json()) as { value: { results: { type: string; title: string }[] } };
    expect(response.status).toBe(200);
    // A worker that failed to start would answer an error, not these.
    expect(body.value.results.filter((result) => result.type === 'source')).toHaveLength(5);
  }, 30_000);

  it('builds every worker thread core starts (a worker missing here would fail only from the build)', () => {
    const workers = (fs.readdirSync(path.join(root, 'src', 'core'), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.includes('.test.'))
      .filter((file) => /\bparentPort\b/.test(fs.readFileSync(path.join(root, 'src', 'core', file), 'utf8')))
      .map((file) => `src/core/${file.split(path.sep).join('/')}`);
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(Object.values(CLI_ENTRIES)).toContain(worker);
    for (const name of Object.keys(CLI_ENTRIES)) expect(fs.existsSync(path.join(outdir, `${name}.js`))).toBe(true);
  });
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
}
