import type { RefObject } from 'react';
import { useLayoutEffect, useState } from 'react';

/**
 * The element's width in CSS pixels, kept current by a ResizeObserver (a window resize, the notes
 * column opening or a splitter moving all change it); null until it is first measured.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(() => setWidth(element.getBoundingClientRect().width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
