/** Scrolling to a passage and flashing it, the way the reader shows where a highlight is. */

export const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The nearest ancestor that scrolls (the reader's text column), or the document's scroller. */
export function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement as HTMLElement;
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
  const top = scroller.scrollTop + rect.top - box.top - box.height / 3;
  scroller.scrollTo({ top: Math.max(0, top), behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
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
