/**
 * Two tiers of the same tests. `npm test` runs every check with loops short enough for the fast
 * tier (under 3 minutes of unit tests on a 2-core machine); `npm run test:slow` (which `.ci/run`
 * also runs) sets MARGINALIA_TEST_TIER=slow and runs the crash and fuzz suites at full length.
 */
export const slowTier = process.env.MARGINALIA_TEST_TIER === 'slow';

/** `fast` iterations in `npm test`, `slow` in `npm run test:slow`. */
export function iterations(fast: number, slow: number): number {
  return slowTier ? slow : fast;
}
