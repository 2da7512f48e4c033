import type { RefObject } from 'react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { locateMatch } from '../../../../shared/search/locateMatch';
import type { RevealTarget } from '../reader/revealIntent';
import { takeRevealIntent, useRevealIntent } from '../reader/revealIntent';
import { articleParagraphs, rangesFor } from './articleDom';
import { useSelectedHighlight } from './highlightFocus';
import { ACTIVE_LAYER, colorLayer, FLASH_LAYER, LayerPainter, MATCH_LAYER } from './highlightLayers';
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

const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * Where quoted words are: their first place in the body, else (the text corrected since, or the
 * quote's spacing differs) the whole paragraph that holds their beginning.
 */
function quoteRange(article: HTMLElement, body: string, quote: string): StaticRange | null {
  const at = body.indexOf(quote);
  if (at >= 0) return rangesFor(article, [{ start: at, end: at + quote.length }])[0] ?? null;
  const beginning = squeeze(quote).slice(0, 80);
  if (!beginning) return null;
  const paragraph = articleParagraphs(article).find((element) => squeeze(element.textContent ?? '').includes(beginning));
  if (!paragraph) return null;
  const start = Number(paragraph.dataset.start);
  return rangesFor(article, [{ start, end: start + (paragraph.textContent ?? '').length }])[0] ?? null;
}

/**
 * The range a reveal target shows, or undefined while it must wait (a highlight not in the list
 * yet, with no quote to fall back on: a stale list may predate it). Null when it has no place in
 * the text (an orphan, whose panel item is selected instead; words the text no longer has).
 */
function targetRange(article: HTMLElement, body: string, target: RevealTarget, highlights: readonly Highlight[], rangeById: ReadonlyMap<number, StaticRange>): StaticRange | null | undefined {
  if (target.kind === 'match') {
    const place = locateMatch(body, target.segments);
    return place ? (rangesFor(article, [place])[0] ?? null) : null;
  }
  if (target.kind === 'quote') return quoteRange(article, body, target.quote);
  if (highlights.some((highlight) => highlight.id === target.highlightId)) return rangeById.get(target.highlightId) ?? null;
  return target.quote ? quoteRange(article, body, target.quote) : undefined;
}

const EMPTY_LAYERS = HIGHLIGHT_COLORS.flatMap((color) => Array.from({ length: STACK_LEVELS }, (_, level) => colorLayer(color, level)));

/**
 * Paints a source's highlights over the article, underlines the selected one, and consumes the
 * reader's reveal intent (revealIntent.ts) once: scrolls to the passage, then flashes it, or for a
 * search match marks the word until the next intent or a change of the text. Runs in a layout effect so the first frame of a text already
 * shows its highlights; repaints whenever the text or the highlights change.
 */
export function useHighlightPainting(articleRef: RefObject<HTMLElement | null>, sourceId: number, body: string, highlights: readonly Highlight[] | undefined): void {
  const painter = useMemo(() => new LayerPainter(), []);
  const rangeById = useRef(new Map<number, StaticRange>());
  const activeId = useSelectedHighlight(sourceId);
  const intent = useRevealIntent(sourceId);
  const flashTimers = useRef<number[]>([]);
  /** The body the search match was marked in: offsets into a corrected body would mark other words. */
  const matchedBody = useRef<string | null>(null);

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
    if (matchedBody.current !== body) painter.paint(MATCH_LAYER, []);
    painter.paintAll(byLayer, [ACTIVE_LAYER, FLASH_LAYER, MATCH_LAYER]);
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
    if (!intent || !article || !highlights) return;
    const range = targetRange(article, body, intent.target, highlights, rangeById.current);
    if (range === undefined) return;
    takeRevealIntent(intent);
    painter.paint(MATCH_LAYER, []);
    matchedBody.current = null;
    if (!range) return;
    scrollRangeIntoView(article, range);
    if (intent.target.kind === 'match') {
      painter.paint(MATCH_LAYER, [range]);
      matchedBody.current = body;
      return;
    }
    flashTimers.current.forEach((timer) => window.clearTimeout(timer));
    flashTimers.current = flashSteps(prefersReducedMotion()).map(({ at, on }) => window.setTimeout(() => painter.paint(FLASH_LAYER, on ? [range] : []), at));
  }, [articleRef, painter, intent, body, highlights]);
}
