import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

const chromium = findChromium() ?? undefined;
const chromiumUse = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

/**
 * Two projects run the same specs: `browser` drives the real renderer in Chromium against the
 * browser host, `electron` drives the desktop app where an Electron binary exists (skipped, with
 * the reason, where it does not). Each test gets a fresh temporary library (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e/specs',
  globalSetup: './tests/e2e/globalSetup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: chromiumUse },
    // The fixture's `browser` dependency launches Chromium here too; the specs drive Electron's window.
    { name: 'electron', use: chromiumUse },
  ],
});
