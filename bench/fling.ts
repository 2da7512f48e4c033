import type { Page } from '@playwright/test';

/**
 * Moves the scroll box `selector` from top to bottom in `frames` frames; each frame's main-thread
 * work in ms (the scroll event, React's render of the rows it brings, layout: from the frame's start
 * to layout done), the scroll offset reached, and how many frames showed a row matching
 * `pendingSelector` (one whose page had not come yet: drawn empty). Used by the library and Passages benches.
 */
export interface FlingResult {
  work: number[];
  scrollTop: number;
  framesWithPending: number;
  /**
   * Each frame's `work` cut in three (ms): from the frame's start (the rAF timestamp: the frame's
   * vsync) to its first scroll event (the wait for the frame's task to run: tasks run before it,
   * the compositor sending the frame late, the thread not scheduled), from there to the rAF
   * callback (the scroll event: the virtualizer and React's render and commit), and the rAF
   * callback's forced style and layout. Frames whose scroll event did not come before their rAF
   * callback count their whole lead in `wait`.
   */
  wait: number[];
  scrollEvent: number[];
  layout: number[];
}

export async function fling(page: Page, selector: string, frames: number, pendingSelector = ''): Promise<FlingResult> {
  return page.evaluate(
    async ([scrollSelector, count, pendingRows]) => {
      const scroller = document.querySelector<HTMLElement>(scrollSelector);
      if (!scroller) throw new Error(`No scroll box ${scrollSelector} on the page.`);
      const step = (scroller.scrollHeight - scroller.clientHeight) / count;
      const work: number[] = [];
      const wait: number[] = [];
      const scrollEvent: number[] = [];
      const layout: number[] = [];
      // The first scroll event after each scroll set (capture at the document: before the page's own listeners).
      let scrolledAt: number | null = null;
      const onScroll = () => (scrolledAt ??= performance.now());
      document.addEventListener('scroll', onScroll, { capture: true, passive: true });
      // Frames that showed a row still waiting for its page (`pendingSelector`, counted after the frame's work is timed).
      let framesWithPending = 0;
      await new Promise<void>((resolve) => {
        let frame = 0;
        const tick = (frameStart: number) => {
          const tickAt = performance.now();
          // The scroll set last frame has been handled by now (scroll events run before rAF): force
          // layout of what React drew for it and time the frame's work from its start.
          void document.body.offsetHeight;
          const done = performance.now();
          if (frame > 0) {
            work.push(done - frameStart);
            const scrolled = scrolledAt !== null && scrolledAt >= frameStart ? scrolledAt : tickAt;
            wait.push(scrolled - frameStart);
            scrollEvent.push(tickAt - scrolled);
            layout.push(done - tickAt);
          }
          scrolledAt = null;
          if (frame > 0 && pendingRows && scroller.querySelector(pendingRows)) framesWithPending++;
          if (frame++ === count) return resolve();
          scroller.scrollTop = Math.round(step * frame);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      document.removeEventListener('scroll', onScroll, { capture: true });
      return { work, scrollTop: scroller.scrollTop, framesWithPending, wait, scrollEvent, layout };
    },
    [selector, frames, pendingSelector] as const,
  );
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

/** The fling's frames cut as FlingResult says, p50 / p95 of each part, and of the frame less its wait. */
export function formatFlingParts(result: FlingResult): string {
  const ms = (values: number[]) => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.95).toFixed(1)}`;
  const own = result.work.map((work, frame) => work - result.wait[frame]!);
  return `  a frame's work cut (wall p50 / p95 ms): waiting for its task ${ms(result.wait)}, scroll event ${ms(result.scrollEvent)}, forced style and layout ${ms(result.layout)}; from its scroll event on ${ms(own)}`;
}
