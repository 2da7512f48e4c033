import { useVirtualizer } from '@tanstack/react-virtual';
import type { CSSProperties } from 'react';
import { useEffect, useRef } from 'react';

/** Lists shorter than this are drawn whole: nothing to gain, and every item stays findable in the page. */
export const VIRTUALIZE_FROM = 150;

export interface VirtualRows {
  /** Whether the list is windowed; when not, draw every item and ignore the rest. */
  windowed: boolean;
  /** Put on the list's own scroll box. */
  scrollRef: React.RefObject<HTMLDivElement | null>;
  /** The indexes to draw, in order. */
  indexes: number[];
  /** Put on each item (with `data-index`): items are measured, as their heights differ. */
  measure: (element: Element | null) => void;
  /** Padding for the list element, standing in for the items not drawn. */
  style: CSSProperties;
}

/**
 * A long list drawn a window at a time (@tanstack/react-virtual), for the Highlights panel and the
 * notes list: items of any height (measured once drawn), `gap` pixels apart, inside their own
 * scroll box. `revealIndex` is scrolled into view when it changes (the selected item).
 */
export function useVirtualRows(count: number, { estimate, gap = 0, revealIndex = null }: { estimate: number; gap?: number; revealIndex?: number | null }): VirtualRows {
  const windowed = count >= VIRTUALIZE_FROM;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({ count: windowed ? count : 0, getScrollElement: () => scrollRef.current, estimateSize: () => estimate, gap, overscan: 6 });
  useEffect(() => {
    if (windowed && revealIndex !== null && revealIndex >= 0) virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
  }, [windowed, revealIndex, virtualizer]);
  if (!windowed) return { windowed, scrollRef, indexes: [], measure: () => undefined, style: {} };
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  return { windowed, scrollRef, indexes: items.map((item) => item.index), measure: virtualizer.measureElement, style: { paddingTop: top, paddingBottom: bottom } };
}
