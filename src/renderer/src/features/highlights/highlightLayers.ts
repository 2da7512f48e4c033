/**
 * Paints ranges with the CSS Custom Highlight API: one registered Highlight per layer (a colour
 * at a stack level, the active highlight, the flash), styled by ::highlight(name) rules in
 * highlights.css. Nothing in the article's DOM changes, so painting 1,000 highlights re-renders
 * nothing and text selection, copy and find-in-page still see plain paragraphs.
 *
 * Chromium (105+) and therefore Electron have the API. Where it is missing (an old browser in
 * `marginalia serve` mode), `highlightApiAvailable` is false and nothing is painted: the panel
 * still lists every highlight and still scrolls to it, and says that the text cannot show them.
 * A fallback would draw absolutely positioned boxes from Range.getClientRects() behind the text,
 * recomputed on resize; not built, since every supported runtime has the API.
 */
import type { HighlightColor } from '../../../../shared/domain/highlight';

export const highlightApiAvailable = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export const colorLayer = (color: HighlightColor, level: number) => `marginalia-${color}-${level}`;
export const ACTIVE_LAYER = 'marginalia-active';
export const FLASH_LAYER = 'marginalia-flash';
/** The word a search result opened the reader at (styled in search.css). */
export const MATCH_LAYER = 'marginalia-search-match';

/** Later layers paint over earlier ones: colours, then the active outline, then the flash. */
const PRIORITY: Record<string, number> = { [ACTIVE_LAYER]: 1, [FLASH_LAYER]: 2 };

function layer(name: string): Highlight {
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = PRIORITY[name] ?? 0;
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

/**
 * The ranges one reader has put in each layer. The registry is per document, so two readers
 * (a split view) share layers; each removes only its own ranges.
 */
export class LayerPainter {
  private readonly owned = new Map<string, readonly AbstractRange[]>();

  /** Replaces this painter's ranges in `name`. */
  paint(name: string, ranges: readonly AbstractRange[]): void {
    if (!highlightApiAvailable) return;
    const target = layer(name);
    for (const range of this.owned.get(name) ?? []) target.delete(range);
    for (const range of ranges) target.add(range);
    this.owned.set(name, ranges);
  }

  /** Replaces every layer this painter paints with `byLayer` (layers not named are emptied). */
  paintAll(byLayer: ReadonlyMap<string, readonly AbstractRange[]>, keep: readonly string[] = []): void {
    for (const name of this.owned.keys()) if (!byLayer.has(name) && !keep.includes(name)) this.paint(name, []);
    for (const [name, ranges] of byLayer) this.paint(name, ranges);
  }

  clear(): void {
    for (const name of Array.from(this.owned.keys())) this.paint(name, []);
  }
}
