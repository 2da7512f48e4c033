import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';

/** How long a transient bar stays once nobody is on it. */
export const TRANSIENT_MS = 8000;

/** Keys that move around the window rather than act: pressing them is how a keyboard user reaches the bar. */
const MOVING_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'F6']);

interface TransientOptions {
  ms?: number;
  /** When the action that showed the bar took the focused control away (focus fell to the page), focus the bar's first button. */
  focusIfLost?: boolean;
}

/**
 * A bar that leaves by itself, shown while `shown` is truthy (issue 16: "Deleted … Undo" stayed for fifteen minutes): it closes
 * `ms` after it appears, or at the next action (a click or a key pressed elsewhere; Escape on it).
 * The timer waits while the pointer is over it, focus is in it, or the window is hidden, and
 * starts again from the full time when they leave (WCAG 2.2.1, timing adjustable), so a keyboard
 * user who tabs to it, or a slow reader resting the pointer on it, keeps it as long as needed.
 */
export function useTransient(ref: RefObject<HTMLElement | null>, shown: unknown, onDismiss: () => void, { ms = TRANSIENT_MS, focusIfLost = false }: TransientOptions = {}): void {
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  useEffect(() => {
    const bar = ref.current;
    if (!shown || !bar) return;
    let timer = 0;
    let pointerOn = false;
    const held = () => pointerOn || bar.contains(document.activeElement) || document.hidden;
    const stop = () => {
      window.clearTimeout(timer);
      timer = 0;
    };
    const restart = () => {
      stop();
      if (!held()) timer = window.setTimeout(() => dismiss.current(), ms);
    };
    const inside = (target: EventTarget | null) => target instanceof Node && bar.contains(target);
    // On click, not pointerdown: the bar leaving moves what is below it, which must not happen between press and release.
    const onClick = (event: MouseEvent) => {
      if (!inside(event.target)) dismiss.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (inside(event.target)) {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        dismiss.current();
      } else if (!MOVING_KEYS.has(event.key)) {
        dismiss.current();
      }
    };
    const enter = () => {
      pointerOn = true;
      stop();
    };
    const leave = () => {
      pointerOn = false;
      restart();
    };
    // After the focus has moved: focusout fires before the next element has it.
    const focusMoved = () => window.setTimeout(restart, 0);

    if (focusIfLost && (document.activeElement === document.body || document.activeElement === null)) bar.querySelector<HTMLElement>('button')?.focus();
    restart();
    bar.addEventListener('pointerenter', enter);
    bar.addEventListener('pointerleave', leave);
    bar.addEventListener('focusin', stop);
    bar.addEventListener('focusout', focusMoved);
    document.addEventListener('visibilitychange', restart);
    // Capture: the next action counts even when what it lands on stops it.
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      stop();
      bar.removeEventListener('pointerenter', enter);
      bar.removeEventListener('pointerleave', leave);
      bar.removeEventListener('focusin', stop);
      bar.removeEventListener('focusout', focusMoved);
      document.removeEventListener('visibilitychange', restart);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
    // A new value of `shown` (the next deletion) is a new bar: its timer starts again.
  }, [ref, shown, ms, focusIfLost]);
}
