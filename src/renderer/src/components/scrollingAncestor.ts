/**
 * The nearest ancestor whose own content scrolls (overflow-y auto or scroll): the reader's text
 * column, a side of side by side. With `overflowing`, only one whose content is taller than it
 * now. Null when none is: the document scrolls.
 */
export function scrollingAncestor(element: HTMLElement, { overflowing = false } = {}): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && (!overflowing || node.scrollHeight > node.clientHeight)) return node;
  }
  return null;
}
