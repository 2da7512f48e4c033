import type { RefObject } from 'react';
import { useEffect, useState } from 'react';
import { scrollingAncestor } from '../components/scrollingAncestor';

/**
 * True once the element has come within `marginPx` of the visible part of the box that scrolls it
 * (so what it fetches is there before it is seen), or once focus has gone into it (a keyboard or
 * screen-reader user reaching it some other way); it stays true. For work a view does not need
 * to show its first screen: the reader's Related coverage, below the article, is asked for only
 * when a reader gets near it. A fresh element (another `key`) starts over.
 */
export function useNearView(ref: RefObject<HTMLElement | null>, marginPx = 800): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const reached = () => setNear(true);
    element.addEventListener('focusin', reached);
    if (typeof IntersectionObserver === 'undefined') {
      reached();
      return () => element.removeEventListener('focusin', reached);
    }
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && reached(), {
      // The box that scrolls it even while its content still fits (it grows as the article loads).
      root: scrollingAncestor(element),
      rootMargin: `${marginPx}px 0px`,
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      element.removeEventListener('focusin', reached);
    };
  }, [ref, near, marginPx]);
  return near;
}
