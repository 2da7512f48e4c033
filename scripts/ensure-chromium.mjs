#!/usr/bin/env node
// Before the Playwright suite: find a Chromium, or get one (Playwright's download where it can be
// reached, else Debian's package where this user may install packages), or say in one line how.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

function attempt(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000 }).status === 0;
}

let chromium = findChromium();
if (!chromium) {
  console.log('No Chromium found for the end-to-end tests; trying to get one.');
  attempt('npx', ['playwright', 'install', 'chromium']);
  chromium = findChromium();
}
if (!chromium && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
  attempt('apt-get', ['update', '-qq']);
  attempt('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  chromium = findChromium();
}
if (!chromium) {
  console.error('No Chromium for the end-to-end tests: run `npx playwright install chromium`, or install your system\'s chromium package (Debian: `apt-get install chromium`).');
  process.exit(1);
}
console.log(`End-to-end tests will drive ${chromium}`);
