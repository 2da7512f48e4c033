import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { HighlightColor } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_COLORS } from '../../../../shared/domain/highlight';
import { isMac } from '../../components/modifierKey';
import { ariaKeyShortcuts, chordLabel, SHORTCUTS } from '../../hooks/shortcutList';
import { useArticleSelection } from './articleSelection';
import { COLOR_LABELS } from './colors';
import { scrollParent } from './revealRange';

interface SelectionToolbarProps {
  sourceId: number;
  articleRef: RefObject<HTMLElement | null>;
  /** The colour "Highlight" uses: the last one chosen. */
  defaultColor: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
  /** More actions on the selection (citing it in a note). */
  children?: ReactNode;
}

interface Placement {
  top: number;
  left: number;
  below: boolean;
}

const GAP = 8;
const EDGE = 8;

/** Where the toolbar goes: centred above the selection, or below it when there is no room above. */
function placeToolbar(toolbar: HTMLElement, article: HTMLElement): Placement | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
  const first = rects[0] ?? range.getBoundingClientRect();
  const last = rects.at(-1) ?? first;
  const { height, width } = toolbar.getBoundingClientRect();
  const scroller = scrollParent(article);
  const bounds = scroller === document.scrollingElement ? new DOMRect(0, 0, window.innerWidth, window.innerHeight) : scroller.getBoundingClientRect();
  // Across, the window is the limit: a narrow text column (beside notes) may be narrower than the toolbar.
  const minLeft = EDGE;
  const maxLeft = window.innerWidth - width - EDGE;
  // Off screen (scrolled away): no toolbar rather than one pinned to the edge.
  if (last.bottom < bounds.top || first.top > bounds.bottom) return null;
  const below = first.top - height - GAP < bounds.top;
  const anchor = below ? last : first;
  const centre = anchor.left + anchor.width / 2;
  const left = Math.max(Math.min(centre - width / 2, maxLeft), minLeft);
  return { top: below ? anchor.bottom + GAP : anchor.top - height - GAP, left, below };
}

/**
 * The toolbar over a selection in the article: "Highlight" in the last colour (named on it), one button per
 * colour, and whatever else acts on a selection. Fixed-positioned, so it never moves the text;
 * mousedown is cancelled so clicking it keeps the selection. One tab stop; arrow keys move
 * between its buttons (the ARIA toolbar pattern).
 */
export function SelectionToolbar({ sourceId, articleRef, defaultColor, onHighlight, children }: SelectionToolbarProps) {
  const selection = useArticleSelection(sourceId);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);

  useLayoutEffect(() => {
    const toolbar = toolbarRef.current;
    const article = articleRef.current;
    if (!selection || !toolbar || !article) return setPlacement(null);
    const update = () => setPlacement(placeToolbar(toolbar, article));
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [selection, articleRef]);

  if (!selection) return null;
  const colorName = COLOR_LABELS[defaultColor].toLowerCase();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowLeft' ? -1 : 1) + buttons.length) % buttons.length;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="Selection"
      className={placement?.below ? 'selection-toolbar is-below' : 'selection-toolbar'}
      // Measured before it is shown: hidden (not absent) until placed, so its size is known.
      style={placement ? { top: placement.top, left: placement.left } : { visibility: 'hidden', top: 0, left: 0 }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="selection-toolbar-main"
        onClick={() => onHighlight(defaultColor)}
        // The colour H and this button use, said and shown (issue 16: it used to be a guess).
        aria-label={`Highlight, ${colorName}`}
        aria-keyshortcuts={ariaKeyShortcuts('highlight', isMac)}
        title={`Highlight in ${colorName} (${SHORTCUTS.highlight.chords.map((chord) => chordLabel(chord, isMac)).join(' or ')})`}
      >
        <span className={`color-swatch color-${defaultColor}`} aria-hidden="true" />
        {/* A space between the words, not only a margin: the button's text reads "Highlight yellow", as its name says. */}
        Highlight{' '}
        <span className="selection-toolbar-current" aria-hidden="true">
          {colorName}
        </span>
      </button>
      <span className="selection-toolbar-colors">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={color === defaultColor ? 'selection-toolbar-color is-default' : 'selection-toolbar-color'}
            aria-label={`Highlight ${color}`}
            title={`Highlight in ${COLOR_LABELS[color].toLowerCase()}`}
            tabIndex={-1}
            onClick={() => onHighlight(color)}
          >
            <span className={`color-swatch color-${color}`} aria-hidden="true" />
          </button>
        ))}
      </span>
      {children}
    </div>
  );
}
