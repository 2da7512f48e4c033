/** Rows drawn beyond the screen on each side while the list is still or scrolls slowly: a few wheel turns' worth, drawn before they come into view. */
export const OVERSCAN = 10;

/**
 * Rows drawn beyond the screen while the list moves by more than OVERSCAN rows a frame (a fling):
 * none, for rows beyond it are replaced before they are ever seen, and drawing them only slowed
 * each frame (at 10,000 articles a fling moves about 33 rows a frame: 37 rows were drawn new each
 * frame for the 17 on screen).
 */
export const FLING_OVERSCAN = 0;

/**
 * How many rows to draw beyond the screen, from how far the first row on screen moved since the
 * last render that moved it: OVERSCAN, or FLING_OVERSCAN while a fast scroll lasts. A render that
 * did not move the list (a page arriving, a selection) keeps the last answer; the scroll ending
 * gives OVERSCAN again.
 */
export class FlingOverscan {
  private start: number | null = null;
  private fast = false;
  private moved = 0;

  /** `overscan`: the rows drawn beyond the screen while the list is still or scrolls slowly; moving more than that a frame is a fling. */
  constructor(private readonly overscan = OVERSCAN) {}

  next(firstOnScreen: number, scrolling: boolean): number {
    if (!scrolling) {
      this.fast = false;
      this.moved = 0;
    } else if (this.start !== null && firstOnScreen !== this.start) {
      this.moved = Math.abs(firstOnScreen - this.start);
      this.fast = this.moved > this.overscan;
    }
    this.start = firstOnScreen;
    return this.fast ? FLING_OVERSCAN : this.overscan;
  }

  /** Rows the list moved in the last frame that moved it, while the scroll lasts (0 once it ends). */
  get rowsPerFrame(): number {
    return this.moved;
  }

  /** A fling is on (as of the last `next`). */
  get flinging(): boolean {
    return this.fast;
  }
}
