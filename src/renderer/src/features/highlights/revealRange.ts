/** Scrolling to a passage and flashing it, the way the reader shows where a highlight is. */

import { scrollingAncestor } from '../../components/scrollingAncestor';

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The nearest ancestor that scrolls now (the reader's text column), or the document's scroller. */
export function scrollParent(element: HTMLElement): HTMLElement {
  return scrollingAncestor(element, { overflowing: true }) ?? (document.scrollingElement as HTMLElement);
}

/** Scrolls so the passage sits a third of the way down its scroller, unless it is already in view. */
export function scrollRangeIntoView(article: HTMLElement, range: AbstractRange): void {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const rect = live.getBoundingClientRect();
  const scroller = scrollParent(article);
  const isDocument = scroller === document.scrollingElement;
  const box = isDocument ? { top: 0, bottom: window.innerHeight, height: window.innerHeight } : scroller.getBoundingClientRect();
  const margin = 48;
  if (rect.top >= box.top + margin && rect.bottom <= box.bottom - margin) return;
  const top = Math.max(0, scroller.scrollTop + rect.top - box.top - box.height / 3);
  if (prefersReducedMotion()) scroller.scrollTo({ top, behavior: 'instant' });
  else glideTo(scroller, top);
}

/** What a person does to scroll: any of these during the glide hands the scroller back to them. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
const GLIDE_MS = 450;

/**
 * A smooth scroll that yields to the reader, animated here rather than by `behavior: 'smooth'`:
 * Chromium keeps a programmatic smooth scroll going to its target through the wheel (and a
 * scroll to where it already is does not cancel it), so a person who scrolled while a passage
 * was being revealed was carried back to it (issue 16: after a search result, the wheel did not
 * go back to the top). The first wheel, touch, click or key, or any scroll not made here, ends it.
 * The listeners are not passive while it runs: with passive ones the compositor scrolls for the
 * wheel at once and this thread hears of it later, so a glide frame in between, not yet seeing the
 * new offset, set scrollTop back near where the glide was (seen in CI: the reader stayed 196 px
 * down, the glide's first frames, not at the top). A listener that may block makes the wheel wait
 * for this thread, which ends the glide first.
 */
function glideTo(scroller: HTMLElement, top: number): void {
  const target: EventTarget = scroller === document.scrollingElement ? window : scroller;
  const from = scroller.scrollTop;
  const started = performance.now();
  let expected = from;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of USER_SCROLL_EVENTS) target.removeEventListener(type, stop, { capture: true });
  };
  const step = (now: number) => {
    // Moved by something else since the last frame (the scrollbar dragged, a layout change): leave it.
    if (Math.abs(scroller.scrollTop - expected) > 2) return stop();
    const progress = Math.min(1, (now - started) / GLIDE_MS);
    const eased = 1 - (1 - progress) ** 3;
    scroller.scrollTop = from + (top - from) * eased;
    expected = scroller.scrollTop;
    if (progress < 1) frame = requestAnimationFrame(step);
    else stop();
  };
  for (const type of USER_SCROLL_EVENTS) target.addEventListener(type, stop, { capture: true, passive: false });
  frame = requestAnimationFrame(step);
}

/**
 * The flash's on/off steps in milliseconds from the start: two pulses, or with reduced motion
 * one steady mark (::highlight cannot transition, so a pulse is on, off, on; no animation).
 */
export function flashSteps(reducedMotion: boolean): { at: number; on: boolean }[] {
  return reducedMotion
    ? [
        { at: 0, on: true },
        { at: 1600, on: false },
      ]
    : [
        { at: 0, on: true },
        { at: 350, on: false },
        { at: 550, on: true },
        { at: 1300, on: false },
      ];
}
