import type { Virtualizer } from '@tanstack/react-virtual';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, MouseEvent } from 'react';
import { memo, useEffect, useRef, useState } from 'react';
import type { SourceSummary } from '../../../../shared/domain/source';
import type { ListSort } from '../../../../shared/domain/sourceList';
import { defaultDirection } from '../../../../shared/domain/sourceList';
import type { LibraryQuery } from './libraryQuery';
import { describeSort } from './libraryQuery';
import type { RowSelection } from './sourceSelection';
import { isSelected } from './sourceSelection';
import type { SourcePages } from './useSourcePages';
import { SOURCE_PAGE_SIZE } from './useSourcePages';
import { FlingOverscan } from './flingOverscan';
import { SourceTitle } from '../../components/SourceTitle';
import { useKeptFocus } from './useKeptFocus';

/** Every row is this tall (titles are cut with an ellipsis), so the list's height is known without measuring 100,000 rows. */
export const ROW_HEIGHT = 40;

export interface RowClick {
  index: number;
  id: number;
  /** Ctrl or Cmd: toggle this row. */
  toggle: boolean;
  /** Shift: select from the last clicked row to this one. */
  range: boolean;
}

interface SourceTableProps {
  query: LibraryQuery;
  pages: SourcePages;
  total: number;
  selection: RowSelection;
  onSortChange: (sort: ListSort, direction: LibraryQuery['direction']) => void;
  /** The rows on screen (with overscan) changed: load their pages. */
  onRangeChange: (first: number, last: number) => void;
  onOpen: (id: number) => void;
  onRowClick: (click: RowClick) => void;
  onSelectAll: (selected: boolean) => void;
  /** Put focus on this source's title once it is listed (coming back from the reader). */
  focusSourceId: number | null;
}

function Missing() {
  return <span className="missing">—</span>;
}

/** How long a fling that outran the pages must hold still before the rows on screen are asked for. */
const OUTRUN_SETTLE_MS = 50;

const COLUMNS: { sort: ListSort; label: string; className: string }[] = [
  { sort: 'title', label: 'Title', className: 'col-title' },
  { sort: 'outlet', label: 'Outlet', className: 'col-outlet' },
  { sort: 'author', label: 'Author', className: 'col-author' },
  { sort: 'date', label: 'Date', className: 'col-date' },
];

/** A header that sorts by its column; a second click reverses. aria-sort tells assistive technology, the arrow is drawn. */
function SortHeader({ column, query, onSortChange }: { column: (typeof COLUMNS)[number]; query: LibraryQuery; onSortChange: SourceTableProps['onSortChange'] }) {
  const active = query.sort === column.sort;
  const direction = active ? query.direction : null;
  return (
    <th scope="col" className={column.className} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSortChange(column.sort, active ? (query.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(column.sort))}
      >
        {column.label}
        {direction ? (
          <span className="sort-arrow" aria-hidden="true">
            {direction === 'asc' ? ' ↑' : ' ↓'}
          </span>
        ) : null}
      </button>
    </th>
  );
}

/**
 * One source's row. Memoized: a fling moves the window of rows by a few each frame, and a row
 * already drawn is not drawn again (its source object stays the same while its page is held).
 */
const Row = memo(function Row({ source, index, selected, onOpen, onRowClick }: { source: SourceSummary; index: number; selected: boolean; onOpen: (id: number) => void; onRowClick: (click: RowClick) => void }) {
  const click = (event: MouseEvent) => ({ index, id: source.id, toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
  return (
    <tr
      className={selected ? 'is-selected' : undefined}
      data-index={index}
      data-focus-row={source.id}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) return;
        // The whole row is a target for the mouse: open it, or with Ctrl/Cmd or Shift select.
        const details = click(event);
        if (details.toggle || details.range) onRowClick(details);
        else onOpen(source.id);
      }}
    >
      <td className="col-select">
        <input
          type="checkbox"
          data-focus-control="select"
          aria-label={`Select ${source.title}`}
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => onRowClick({ ...click(event), toggle: !event.shiftKey })}
        />
      </td>
      <td className="col-title" title={source.titleDerived ? `${source.title} (title made from the first sentence)` : source.title}>
        <button
          type="button"
          className="title-link"
          data-focus-control="title"
          data-source-id={source.id}
          data-index={index}
          onClick={(event) => {
            const details = click(event);
            if (details.toggle || details.range) onRowClick(details);
            else onOpen(source.id);
          }}
        >
          <SourceTitle title={source.title} derived={source.titleDerived} />
        </button>
      </td>
      <td className="col-outlet">{source.outlet ? <bdi>{source.outlet}</bdi> : <Missing />}</td>
      <td className="col-author">{source.author ?? <Missing />}</td>
      <td className="col-date">{source.publishedAt ? <time dateTime={source.publishedAt}>{source.publishedAt}</time> : <Missing />}</td>
    </tr>
  );
});

/** A row whose page is on its way: the same height, nothing to read yet. */
function PendingRow({ index }: { index: number }) {
  return (
    <tr className="is-pending" data-index={index} aria-hidden="true">
      <td colSpan={5} />
    </tr>
  );
}

/**
 * The library list, virtualized (@tanstack/react-virtual): only the rows on screen are in the
 * page, above and below them two spacer rows as tall as the rest, so 100,000 sources scroll as
 * 40 do. Up and Down move between titles (scrolling as needed); Ctrl/Cmd+A selects every row of
 * the filter; Escape clears the selection.
 */
export function SourceTable({ query, pages, total, selection, onSortChange, onRangeChange, onOpen, onRowClick, onSelectAll, focusSourceId }: SourceTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const focused = useRef<number | null>(null);
  // Fewer rows beyond the screen while a fling moves the list faster than they could be of use
  // (flingOverscan.ts), judged from where the virtualizer (the same object each render) is now.
  const [overscan] = useState(() => new FlingOverscan());
  const live = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: overscan.next(live.current?.range?.startIndex ?? 0, live.current?.isScrolling ?? false),
  });
  const flinging = overscan.flinging;
  live.current = virtualizer;
  // The row whose checkbox or title has focus keeps its element through a fling; if it scrolls out
  // of view, focus waits on the table and then goes to the row on top (useKeptFocus.ts).
  const focusedRow = useKeptFocus(scroller, table, virtualizer.isScrolling);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // The rows' pages are asked for as they come on screen; but a fling faster than half a page a
  // frame (at 100,000 rows, about 330 a frame) outruns any page, and answering each page it passed
  // ran between its frames (their work p95 19-23 ms, 299 of 300 frames drawn empty anyway): then the
  // range is reported once the list has held still for a moment, or slowed down.
  const outrunning = overscan.rowsPerFrame > SOURCE_PAGE_SIZE / 2;
  useEffect(() => {
    if (!outrunning) return onRangeChange(first, last);
    const held = window.setTimeout(() => onRangeChange(first, last), OUTRUN_SETTLE_MS);
    return () => window.clearTimeout(held);
  }, [first, last, outrunning, onRangeChange]);

  useEffect(() => {
    if (focusSourceId === null || focused.current === focusSourceId) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`button[data-source-id="${focusSourceId}"]`);
    if (button) {
      focused.current = focusSourceId;
      button.focus();
    }
  });

  const focusRow = (index: number) => {
    if (index < 0 || index >= total) return;
    virtualizer.scrollToIndex(index);
    // The row may be drawn only on the next frame (and its page may still be coming).
    const tryFocus = (attempts: number) => {
      const button = scroller.current?.querySelector<HTMLButtonElement>(`button[data-index="${index}"]`);
      if (button) button.focus();
      else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
    };
    tryFocus(30);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a' && !(event.target instanceof HTMLInputElement && event.target.type !== 'checkbox')) {
      event.preventDefault();
      onSelectAll(true);
      return;
    }
    if (event.key === 'Escape') {
      onSelectAll(false);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset.index;
    if (current === undefined) return;
    event.preventDefault();
    focusRow(Number(current) + (event.key === 'ArrowDown' ? 1 : -1));
  };

  const allSelected = selection.kind === 'all' && selection.except.size === 0;
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="source-table-scroll" ref={scroller} onKeyDown={onKeyDown}>
      <table className="source-table" ref={table} tabIndex={-1} aria-rowcount={total + 1}>
        <caption className="visually-hidden">Sources in the library, {describeSort(query)}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <input type="checkbox" aria-label={`Select all ${total.toLocaleString('en')} shown`} checked={allSelected} onChange={(event) => onSelectAll(event.currentTarget.checked)} />
            </th>
            {COLUMNS.map((column) => (
              <SortHeader key={column.sort} column={column} query={query} onSortChange={onSortChange} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: before }} /> : null}
          {items.map((item, position) => {
            const source = pages.rowAt(item.index);
            // While a fling lasts, every row on screen is a new one each frame: keyed by its place on
            // screen, a row's elements are kept and only their text and attributes change, where
            // keyed by source they were all removed and made again each frame. Still or scrolling
            // slowly, a row keeps its elements while it stays on screen. The row with focus keeps its
            // own key throughout, so it is never made again (which would drop focus to the body).
            const key = flinging && (source === undefined || String(source.id) !== focusedRow) ? `at-${position}` : undefined;
            return source ? (
              <Row key={key ?? source.id} source={source} index={item.index} selected={isSelected(selection, source.id)} onOpen={onOpen} onRowClick={onRowClick} />
            ) : (
              <PendingRow key={key ?? `pending-${item.index}`} index={item.index} />
            );
          })}
          {after > 0 ? <tr className="spacer" aria-hidden="true" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
