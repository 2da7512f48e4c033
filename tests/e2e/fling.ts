import type { Locator } from '@playwright/test';

/**
 * The lists take a scroll to be over once no scroll event has come for 150 ms (the virtualizer's
 * `isScrollingResetDelay`); focus then moves to the row on top if its own row is off screen. A
 * frame stalled that long on a loaded machine ends a fling in the middle, as a user's pause would.
 */
const STILL_AFTER_MS = 150;

/**
 * Scrolls `scroller` to each offset in turn, one a frame (a fling), then waits 500 ms for the list
 * to be still. Returns whether it was one fling: no two steps as far apart as a pause.
 */
export async function fling(scroller: Locator, offsets: number[]): Promise<boolean> {
  const longest = await scroller.evaluate(async (element, offsets) => {
    let longest = 0;
    let last = performance.now();
    for (const top of offsets) {
      element.scrollTop = top;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return longest;
  }, offsets);
  // A margin below the delay: the timer and the frames are not measured by one clock tick.
  return longest < STILL_AFTER_MS - 30;
}

/**
 * Runs `attempt` (which puts focus somewhere and flings) until its fling was one fling, at most
 * `tries` times, so a test of what a fling keeps is not failed by a machine too busy to fling.
 */
export async function flingUnbroken(attempt: () => Promise<boolean>, tries = 5): Promise<void> {
  for (let i = 0; i < tries; i++) if (await attempt()) return;
  throw new Error(`Each of ${tries} flings had a frame of ${STILL_AFTER_MS - 30} ms or more, which the list takes for the scroll's end; the machine is too busy to test a fling.`);
}
