// Where the end-to-end suite finds a Chromium: Playwright's own if installed, else the system's.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  if (process.env.MARGINALIA_CHROMIUM && fs.existsSync(process.env.MARGINALIA_CHROMIUM)) return process.env.MARGINALIA_CHROMIUM;
  try {
    const bundled = require('playwright-core').chromium.executablePath();
    if (bundled && fs.existsSync(bundled)) return bundled;
  } catch {
    // playwright-core throws when it has no browser of its own: fall through to the system's
  }
  return SYSTEM_CHROMIUMS.find((candidate) => fs.existsSync(candidate)) ?? null;
}
