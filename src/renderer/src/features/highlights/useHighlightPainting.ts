import type { RefObject } from 'react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { rangesFor } from './articleDom';
import { takeRevealRequest, useRevealRequest, useSelectedHighlight } from './highlightFocus';
import { ACTIVE_LAYER, colorLayer, FLASH_LAYER, LayerPainter } from './highlightLayers';
import { STACK_LEVELS, stackLevels } from './rangeBoundaries';
import { flashSteps, prefersReducedMotion, scrollRangeIntoView } from './revealRange';
import { HIGHLIGHTS_RECEIVED } from './useSourceHighlights';

/**
 * The performance entry the painting bench reads (bench/paintBench.ts): from the list's arrival
 * (or, when no list arrived for this paint, the start of range building) to the next frame
 * shown: React's commit, the ranges, and the browser's style, layout and paint. The panel's list
 * is not in it: it renders in a deferred pass after (HighlightsPanel.tsx).
 */
export const PAINT_MEASURE = 'marginalia:paint-highlights';

const EMPTY_LAYERS = HIGHLIGHT_COLORS.flatMap((color) => Array.from({ length: STACK_LEVELS }, (_, level) => colorLayer(color, level)));

/**
 * Paints a source's highlights over the article, underlines the selected one, and carries out
 * reveal requests (scroll, flash). Runs in a layout effect so the first frame of a text already
 * shows its highlights; repaints whenever the text or the highlights change.
 */
export function useHighlightPainting(articleRef: RefObject<HTMLElement | null>, sourceId: number, body: string, highlights: readonly Highlight[] | undefined): void {
  const painter = useMemo(() => new LayerPainter(), []);
  const rangeById = useRef(new Map<number, StaticRange>());
  const activeId = useSelectedHighlight(sourceId);
  const reveal = useRevealRequest(sourceId);
  const flashTimers = useRef<number[]>([]);

  useEffect(
    () => () => {
      flashTimers.current.forEach((timer) => window.clearTimeout(timer));
      painter.clear();
    },
    [painter],
  );

  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!article || !highlights) return;
    const received = performance.getEntriesByName(HIGHLIGHTS_RECEIVED).at(-1);
    performance.clearMarks(HIGHLIGHTS_RECEIVED);
    const started = received?.startTime ?? performance.now();
    const placed = highlights.filter((highlight) => !highlight.orphaned);
    const ranges = rangesFor(article, placed);
    const levels = stackLevels(placed);
    const byLayer = new Map<string, StaticRange[]>(EMPTY_LAYERS.map((name) => [name, []]));
    const byId = new Map<number, StaticRange>();
    placed.forEach((highlight, index) => {
      const range = ranges[index];
      if (!range) return;
      byLayer.get(colorLayer(highlight.color, levels[index]!))!.push(range);
      byId.set(highlight.id, range);
    });
    painter.paintAll(byLayer, [ACTIVE_LAYER, FLASH_LAYER]);
    rangeById.current = byId;
    // Measured to the next frame the browser shows (the callback after rAF runs after paint).
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.clearMeasures(PAINT_MEASURE);
        performance.measure(PAINT_MEASURE, { start: started, end: performance.now(), detail: { highlights: byId.size, characters: body.length } });
      }, 0),
    );
  }, [articleRef, painter, body, highlights]);

  useLayoutEffect(() => {
    const range = activeId === null ? undefined : rangeById.current.get(activeId);
    painter.paint(ACTIVE_LAYER, range ? [range] : []);
  }, [painter, activeId, body, highlights]);

  useEffect(() => {
    const article = articleRef.current;
    if (!reveal || !article || !highlights) return;
    const known = highlights.some((highlight) => highlight.id === reveal.highlightId);
    // Without a quote to fall back on, wait for a list that has the highlight (a stale list may predate it).
    if (!known && !reveal.quote) return;
    takeRevealRequest(reveal);
    let range = rangeById.current.get(reveal.highlightId) ?? null;
    if (!known && reveal.quote) {
      const at = body.indexOf(reveal.quote);
      if (at >= 0) range = rangesFor(article, [{ start: at, end: at + reveal.quote.length }])[0] ?? null;
    }
    // An orphan has no place in the text: its panel item is selected instead.
    if (!range) return;
    const shown = range;
    scrollRangeIntoView(article, shown);
    flashTimers.current.forEach((timer) => window.clearTimeout(timer));
    flashTimers.current = flashSteps(prefersReducedMotion()).map(({ at, on }) => window.setTimeout(() => painter.paint(FLASH_LAYER, on ? [shown] : []), at));
  }, [articleRef, painter, reveal, body, highlights]);
}
