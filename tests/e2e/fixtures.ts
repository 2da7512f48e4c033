import type { ElectronApplication, Page } from '@playwright/test';
import { _electron, test as base } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { findElectron } from '../../scripts/electron.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const cliPath = path.join(root, 'bin/marginalia.js');

export interface MarginaliaApp {
  page: Page;
  /** The temporary library file this test runs on. */
  libraryPath: string;
  /** A scratch folder for files the test creates. */
  workDirectory: string;
  /** Runs the CLI on the same library (after the app has released it for reading). */
  cli(args: string[]): { status: number | null; stdout: string; stderr: string };
  /**
   * Opens another page on the same library, as a second browser tab would (browser project only:
   * the desktop app has one window); closed with the test.
   */
  openPage(): Promise<Page>;
}

async function startHost(libraryPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cliPath, '--library', libraryPath, '--json', 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { child, url };
}

/** One fresh temporary library per test, in the browser host or the Electron app, deleted after. */
export const test = base.extend<{ app: MarginaliaApp }>({
  app: async ({ browser }, use, testInfo) => {
    const electronPath = testInfo.project.name === 'electron' ? findElectron() : null;
    test.skip(testInfo.project.name === 'electron' && !electronPath, 'No Electron binary on this machine: set ELECTRON_OVERRIDE_DIST_PATH or ELECTRON_EXEC_PATH to run the desktop project.');
    const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-e2e-'));
    const libraryPath = path.join(workDirectory, 'library.sqlite');
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [cliPath, '--library', libraryPath, ...args], { cwd: root, encoding: 'utf8' });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    let cleanup: () => Promise<void>;
    let page: Page;
    let openPage: () => Promise<Page> = () => Promise.reject(new Error('A second window is not available in the desktop project.'));
    if (testInfo.project.name === 'electron') {
      const electronApp: ElectronApplication = await _electron.launch({ executablePath: electronPath!, args: [root, '--library', libraryPath], cwd: root });
      page = await electronApp.firstWindow();
      cleanup = () => electronApp.close();
    } else {
      const host = await startHost(libraryPath);
      const context = await browser.newContext();
      page = await context.newPage();
      await page.goto(host.url);
      openPage = async () => {
        const another = await context.newPage();
        await another.goto(host.url);
        return another;
      };
      cleanup = async () => {
        await context.close();
        host.child.kill('SIGTERM');
        await new Promise((resolve) => (host.child.exitCode !== null ? resolve(null) : host.child.once('exit', resolve)));
      };
    }
    try {
      await use({ page, libraryPath, workDirectory, cli, openPage: () => openPage() });
    } finally {
      await cleanup();
      fs.rmSync(workDirectory, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
