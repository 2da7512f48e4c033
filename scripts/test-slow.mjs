// The slow tier: the crash and fuzz suites at full length (tests/support/tier.ts). `.ci/run` runs it
// after `npm test`; set here rather than as `VAR=… vitest` so it runs on Windows shells too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

// vitest's exports name no bin, so its CLI is found beside its package.json.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'tests/durability', 'tests/fuzz', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MARGINALIA_TEST_TIER: 'slow' },
});
process.exit(result.status ?? 1);
