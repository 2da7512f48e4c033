import type { RefObject } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** A row's control that had keyboard focus: the row's `data-focus-row` and the control's `data-focus-control`. */
interface FocusedControl {
  row: string;
  control: string;
  /** Its row left the page (scrolled away) and focus waits on the list itself. */
  parked: boolean;
}

const ROW = 'data-focus-row';
const CONTROL = 'data-focus-control';

function controlIn(scroller: HTMLElement, row: string, control: string): HTMLElement | null {
  return scroller.querySelector<HTMLElement>(`[${ROW}="${CSS.escape(row)}"] [${CONTROL}="${CSS.escape(control)}"]`);
}

/** The first row wholly below the scroller's top (and below a sticky table head in it) that has this control. */
function firstOnScreen(scroller: HTMLElement, control: string): HTMLElement | null {
  const head = scroller.querySelector('thead');
  const top = Math.max(scroller.getBoundingClientRect().top, head ? head.getBoundingClientRect().bottom : -Infinity) - 1;
  for (const row of scroller.querySelectorAll<HTMLElement>(`[${ROW}]`)) {
    if (row.getBoundingClientRect().top < top) continue;
    const found = row.querySelector<HTMLElement>(`[${CONTROL}="${CSS.escape(control)}"]`);
    if (found) return found;
  }
  return null;
}

/**
 * Keeps keyboard focus in a virtualized list whose rows leave the page as it scrolls. Rows carry
 * `data-focus-row` (what they show, e.g. a source's id) and their controls `data-focus-control`.
 *
 * Returns the row whose control has focus, for the list to keep that row's element (its key) while
 * it is drawn. If that row is taken off the page (scrolled out of view), focus would fall to the
 * document's body; it waits on `park` (the list itself, focusable with tabIndex -1) while the list
 * scrolls, and once it stops it goes back to the same control of the same row if that is drawn
 * again, else to that control of the first row on screen: a keyboard user carries on from there,
 * and a screen reader names the row. Focus the user moved elsewhere is left alone.
 */
export function useKeptFocus(scroller: RefObject<HTMLElement | null>, park: RefObject<HTMLElement | null>, scrolling: boolean): string | null {
  const focused = useRef<FocusedControl | null>(null);
  const [row, setRow] = useState<string | null>(null);
  const settling = useRef(false);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const forget = () => {
      focused.current = null;
      setRow(null);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      const control = target.closest<HTMLElement>(`[${CONTROL}]`);
      const owner = control?.closest<HTMLElement>(`[${ROW}]`);
      if (control && owner) {
        focused.current = { row: owner.getAttribute(ROW)!, control: control.getAttribute(CONTROL)!, parked: false };
        setRow(focused.current.row);
      } else if (!(focused.current?.parked && target === park.current)) forget();
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next) {
        if (!element.contains(next)) forget();
        return;
      }
      // Focus went nowhere: the user clicked outside anything focusable (forget), or the focused
      // element is being removed from the page (keep: the layout effect below puts it back).
      const target = event.target as HTMLElement;
      queueMicrotask(() => {
        if (target.isConnected && document.activeElement !== target && !element.contains(document.activeElement)) forget();
      });
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [scroller, park]);

  // After every render that changed the rows: is the focused control still where focus is?
  useLayoutEffect(() => {
    const memory = focused.current;
    const element = scroller.current;
    if (!memory || !element) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest(`[${ROW}]`)?.getAttribute(ROW) === memory.row) return;
    const lost = active === null || active === document.body;
    if (!lost && !(memory.parked && active === park.current)) return;
    const same = controlIn(element, memory.row, memory.control);
    if (same && !memory.parked) {
      same.focus({ preventScroll: true });
      return;
    }
    if (!memory.parked) {
      memory.parked = true;
      park.current?.focus({ preventScroll: true });
    }
    if (scrolling) return;
    if (same) {
      same.focus({ preventScroll: true });
      return;
    }
    // The row on top once the rows just drawn are measured (Passages' rows are measured as they are
    // drawn, and the scroll then moves by the difference): a frame on, not now.
    if (settling.current) return;
    settling.current = true;
    requestAnimationFrame(() => {
      settling.current = false;
      const now = document.activeElement;
      if (focused.current !== memory || !(now === park.current || now === null || now === document.body)) return;
      (controlIn(element, memory.row, memory.control) ?? firstOnScreen(element, memory.control))?.focus({ preventScroll: true });
    });
  });

  return row;
}
