import type { CSSProperties, KeyboardEvent, ReactNode, Ref } from 'react';
import { useId, useImperativeHandle, useRef, useState } from 'react';
import { isMac } from '../../components/modifierKey';
import { Splitter } from '../../components/Splitter';
import { useElementWidth } from '../../hooks/useElementWidth';
import { parseBoolean, usePersistentState } from '../../hooks/usePersistentState';
import { ariaKeyShortcuts, chordLabel, SHORTCUTS } from '../../hooks/shortcutList';
import { isTextEntry } from '../../hooks/useShortcuts';

/** The narrowest the article gets beside its panel (26rem): below it, the panel is a drawer. */
export const ARTICLE_MIN = 416;
const PANEL_MIN = 224;
const PANEL_DEFAULT = 352;
const RAIL = 40;
const SPLITTER = 6;

const parseWidth = (stored: string) => (/^\d{3,4}$/.test(stored) ? Number(stored) : undefined);

/** What the window's shortcut (toggleHighlights) does to the reader it was pressed in. */
export interface ReaderPanelHandle {
  toggle(): void;
}

interface ReaderLayoutProps {
  /** The article's scroll box. */
  children: ReactNode;
  /** The side panel (the Highlights panel). */
  panel: ReactNode;
  handle?: Ref<ReaderPanelHandle>;
}

/**
 * The article with its side panel (issue 16, item 6). Where the article keeps ARTICLE_MIN beside
 * it, the panel sits beside the article: a splitter sets its width and the rail's button collapses
 * it, both remembered across launches (a view preference, in localStorage like the notes column's
 * width; useRememberedState would forget them at a reload). In a narrower reader (800 px with the
 * notes column open, or a side-by-side half) it is a drawer over the article's edge, opened by the
 * same button, so nothing scrolls sideways and the article keeps its width. The panel stays mounted
 * while hidden, so its filters, open editor and messages survive a toggle.
 */
export function ReaderLayout({ children, panel, handle }: ReaderLayoutProps) {
  const layout = useRef<HTMLDivElement>(null);
  const aside = useRef<HTMLElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const width = useElementWidth(layout);
  const [storedWidth, setStoredWidth] = usePersistentState<number>('reader.highlightsWidth', PANEL_DEFAULT, parseWidth);
  const [collapsed, setCollapsed] = usePersistentState<boolean>('reader.highlightsCollapsed', false, parseBoolean);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // The same rule as reader.css's container query (which lays the first frame out before this
  // measures): the panel is a drawer where the article would get less than ARTICLE_MIN beside it.
  const room = width === null ? Number.POSITIVE_INFINITY : width - RAIL - SPLITTER - ARTICLE_MIN;
  const asDrawer = room < PANEL_MIN;
  const maxWidth = Math.max(PANEL_MIN, Math.min(room, 960));
  const panelWidth = Math.max(PANEL_MIN, Math.min(storedWidth, maxWidth));
  const open = asDrawer ? drawerOpen : !collapsed;

  const setOpen = (next: boolean) => {
    // Focus inside a panel that hides would fall to the page: it goes to the button that hid it.
    if (!next && aside.current?.contains(document.activeElement)) toggleButton.current?.focus();
    if (asDrawer) setDrawerOpen(next);
    else setCollapsed(!next);
  };
  const toggle = () => setOpen(!open);
  useImperativeHandle(handle, () => ({ toggle }));

  const onPanelKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Escape closes the drawer (what is open), unless a field in it took the key for itself.
    if (event.key !== 'Escape' || !asDrawer || event.defaultPrevented || isTextEntry(event.target)) return;
    event.preventDefault();
    setOpen(false);
  };

  const chord = chordLabel(SHORTCUTS.toggleHighlights.chords[0], isMac);
  const classes = ['reader-layout-grid', collapsed ? 'is-collapsed' : '', drawerOpen ? 'is-drawer-open' : ''].filter(Boolean).join(' ');
  return (
    <div ref={layout} className="reader-layout">
      <div className={classes} style={{ '--panel-width': `${Math.min(storedWidth, 960)}px` } as CSSProperties}>
        {children}
        <Splitter className="reader-splitter" label="Resize the Highlights panel" value={panelWidth} min={PANEL_MIN} max={maxWidth} onChange={setStoredWidth} controls={panelId} />
        <aside ref={aside} id={panelId} className="reader-side-panel" onKeyDown={onPanelKeyDown}>
          {panel}
        </aside>
        <div className="reader-panel-rail">
          <button
            ref={toggleButton}
            type="button"
            className="reader-panel-toggle"
            aria-label="Highlights panel"
            aria-expanded={open}
            aria-controls={panelId}
            aria-keyshortcuts={ariaKeyShortcuts('toggleHighlights', isMac)}
            title={`${open ? 'Hide' : 'Show'} the Highlights panel (${chord})`}
            onClick={toggle}
          >
            Highlights
          </button>
        </div>
      </div>
    </div>
  );
}
