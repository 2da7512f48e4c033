import type { Page } from '@playwright/test';

/**
 * Moves the scroll box `selector` from top to bottom in `frames` frames; each frame's main-thread
 * work in ms (the scroll event, React's render of the rows it brings, layout: from the frame's start
 * to layout done), the scroll offset reached, and how many frames showed a row matching
 * `pendingSelector` (one whose page had not come yet: drawn empty). Used by the library and Passages benches.
 */
export async function fling(page: Page, selector: string, frames: number, pendingSelector = ''): Promise<{ work: number[]; scrollTop: number; framesWithPending: number }> {
  return page.evaluate(
    async ([scrollSelector, count, pendingRows]) => {
      const scroller = document.querySelector<HTMLElement>(scrollSelector);
      if (!scroller) throw new Error(`No scroll box ${scrollSelector} on the page.`);
      const step = (scroller.scrollHeight - scroller.clientHeight) / count;
      const work: number[] = [];
      // Frames that showed a row still waiting for its page (`pendingSelector`, counted after the frame's work is timed).
      let framesWithPending = 0;
      await new Promise<void>((resolve) => {
        let frame = 0;
        const tick = (frameStart: number) => {
          // The scroll set last frame has been handled by now (scroll events run before rAF): force
          // layout of what React drew for it and time the frame's work from its start.
          void document.body.offsetHeight;
          if (frame > 0) work.push(performance.now() - frameStart);
          if (frame > 0 && pendingRows && scroller.querySelector(pendingRows)) framesWithPending++;
          if (frame++ === count) return resolve();
          scroller.scrollTop = Math.round(step * frame);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { work, scrollTop: scroller.scrollTop, framesWithPending };
    },
    [selector, frames, pendingSelector] as const,
  );
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
