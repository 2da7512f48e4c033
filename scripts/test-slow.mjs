// The slow tier: the crash and fuzz suites at full length (tests/support/tier.ts). `.ci/run` runs it
// after `npm test`; set here rather than as `VAR=… vitest` so it runs on Windows shells too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'tests/durability', 'tests/fuzz', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MARGINALIA_TEST_TIER: 'slow' },
});
process.exit(result.status ?? 1);
