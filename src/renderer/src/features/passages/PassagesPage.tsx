import type { Virtualizer } from '@tanstack/react-virtual';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Passage, PassageFilter, PassageSort } from '../../../../shared/domain/compare';
import { passagesCsv, passagesMarkdown } from '../../../../shared/compare/passageExport';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { parseBoolean, usePersistentState } from '../../hooks/usePersistentState';
import { downloadFile, MARKDOWN_TYPE } from '../export/downloadFile';
import { QuoteModeField, useQuoteMode } from '../export/QuoteModeField';
import { useRememberedState } from '../compare/useRememberedState';
import { FlingOverscan } from '../library/flingOverscan';
import { useKeptFocus } from '../library/useKeptFocus';
import { AutocodeDialog } from './AutocodeDialog';
import { PassageFilters } from './PassageFilters';
import { PassageRow } from './PassageRow';
import type { PassageGrouping } from './passageGroups';
import { passageLines } from './passageGroups';
import { usePassagePages } from './usePassagePages';
import './passages.css';

interface PassagesPageProps {
  filter: PassageFilter;
  onFilterChange: (filter: PassageFilter) => void;
  onOpenPassage: (passage: Passage) => void;
}

/** Marked when the first passage rows are on screen: the views bench (bench/viewsBench.ts) reads it. */
export const PASSAGE_ROWS_PAINTED = 'marginalia:passage-rows-painted';

/** Passages drawn beyond the screen on each side while the table is still or scrolls slowly. */
const PASSAGE_OVERSCAN = 8;
/** While a fling lasts, a row measured above the screen does not move the scroll by its change of height (see below). */
const NEVER_ADJUST = () => false;

const SORTS: Record<PassageGrouping, PassageSort | null> = { none: null, outlet: 'outlet', country: 'country', code: null };

/** Every highlight of the library in one virtualized table named "Passages" (issue 11). */
export function PassagesPage({ filter, onFilterChange, onOpenPassage }: PassagesPageProps) {
  const [sortChoice, setSort] = useRememberedState<PassageSort>('passages:sort', 'date');
  const [grouping, setGrouping] = useRememberedState<PassageGrouping>('passages:grouping', 'none');
  const [autocoding, setAutocoding] = useState(false);
  // The filters fold away (remembered): at 800 px with the notes open they left the list about 190 px.
  // Open at first where the window is wide enough for them and the list both.
  const [filtersOpen, setFiltersOpen] = usePersistentState<boolean>('passages.filtersOpen', window.matchMedia('(min-width: 1100px)').matches, parseBoolean);
  const filtersSet = Object.keys(filter).length;
  const [quotes, setQuotes] = useQuoteMode();
  const sort = SORTS[grouping] ?? sortChoice;
  const pages = usePassagePages(filter, sort);
  // Once per page read or grouping chosen, not per scroll: at 50,000 passages a fresh list a frame costs the fling its budget.
  const lines = useMemo(() => passageLines(pages.passages, grouping), [pages.passages, grouping]);
  const scroller = useRef<HTMLDivElement>(null);
  // No rows beyond the screen while a fling moves the table by more than a screenful a frame (flingOverscan.ts): at 50,000
  // passages it moves about 170 rows a frame, so rows drawn beyond the screen are replaced before they are seen.
  const [fling] = useState(() => new FlingOverscan(PASSAGE_OVERSCAN));
  const live = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: fling.next(live.current?.range?.startIndex ?? 0, live.current?.isScrolling ?? false),
  });
  live.current = virtualizer;
  // Rows are measured as they are drawn (their height depends on the quote). A row measured above
  // the screen moves the scroll by its change of height, so the rows on screen stay still; and the
  // virtualizer then recomputes every row's place (50,000 of them) for each row measured after it in
  // the same frame: a fling draws every row new each frame, and this cost it 17 ms a frame at p50.
  // While a fling lasts nothing on screen stays still anyway: the rows' heights are kept and counted
  // once a frame, and the scroll is not moved. Once the table is still or scrolls slowly, as before.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = fling.flinging ? NEVER_ADJUST : undefined;
  // Rows are keyed by their place in the list, so a row on screen keeps its element (and focus)
  // through a fling; one with focus that scrolls out of view leaves focus on the table, then on the
  // row on top once the table is still (useKeptFocus.ts).
  const table = useRef<HTMLDivElement>(null);
  useKeptFocus(scroller, table, virtualizer.isScrolling);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasMore, loadMore } = pages;
  // The filters' choices (every code with its count, every outlet…) are asked for after the first
  // page, so the rows do not queue behind them at the host; once asked, they stay.
  const [choicesWanted, setChoicesWanted] = useState(false);
  useEffect(() => {
    if (pages.loaded) setChoicesWanted(true);
  }, [pages.loaded]);

  // Grouping by code lists a passage under each code: it needs every page, so it reads them all.
  useEffect(() => {
    if (hasMore && (grouping === 'code' || lastIndex >= lines.length - 20)) loadMore();
  }, [hasMore, loadMore, grouping, lastIndex, lines.length]);

  const painted = items.length > 0;
  useEffect(() => {
    // After the frame that shows them, as LibraryPage marks its first rows.
    if (painted) requestAnimationFrame(() => setTimeout(() => performance.mark(PASSAGE_ROWS_PAINTED), 0));
  }, [painted]);

  const exportRows = async (format: 'csv' | 'markdown') => {
    const all = await pages.loadAll();
    if (format === 'csv') downloadFile({ fileName: 'passages.csv', content: passagesCsv(all), type: 'text/csv' });
    else downloadFile({ fileName: 'passages.md', content: passagesMarkdown(all, quotes), type: MARKDOWN_TYPE });
  };

  return (
    <div className="page passages-page" aria-busy={pages.loading}>
      <div className="library-toolbar">
        <div className="library-heading">
          <h1>Passages</h1>
          {pages.total !== null ? <p className="library-count" role="status">{pages.total === 1 ? '1 passage' : `${pages.total.toLocaleString('en')} passages`}</p> : null}
        </div>
        <div className="library-controls">
          <label className="field-inline">
            <span>Sort by</span>
            <select className="select" value={sort} disabled={SORTS[grouping] !== null} onChange={(event) => setSort(event.currentTarget.value as PassageSort)}>
              <option value="date">Date</option>
              <option value="outlet">Outlet</option>
              <option value="country">Country</option>
              <option value="source">Source</option>
            </select>
          </label>
          <label className="field-inline">
            <span>Group by</span>
            <select className="select" value={grouping} onChange={(event) => setGrouping(event.currentTarget.value as PassageGrouping)}>
              <option value="none">No grouping</option>
              <option value="outlet">Outlet</option>
              <option value="country">Country</option>
              <option value="code">Code</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => setAutocoding(true)}>
            Code by search
          </button>
          <button type="button" className="button" disabled={pages.passages.length === 0} onClick={() => void exportRows('csv')}>
            Export CSV
          </button>
          <QuoteModeField value={quotes} onChange={setQuotes} />
          <button type="button" className="button" disabled={pages.passages.length === 0} onClick={() => void exportRows('markdown')}>
            Export Markdown
          </button>
        </div>
      </div>
      <details className="passage-filters-box" open={filtersOpen} onToggle={(event) => {
          // A <details> drawn open fires "toggle" too: only the user's own fold is remembered.
          if (event.currentTarget.open !== filtersOpen) setFiltersOpen(event.currentTarget.open);
        }}
      >
        <summary>
          Filters{filtersSet > 0 ? ` (${filtersSet} set)` : ''}
        </summary>
        <PassageFilters filter={filter} onChange={onFilterChange} loadChoices={choicesWanted} />
      </details>
      {autocoding ? <AutocodeDialog onClose={() => setAutocoding(false)} onCoded={(code) => onFilterChange({ code })} /> : null}
      {pages.error ? <ErrorBanner title="The passages could not be loaded." message={errorMessage(pages.error, 'load the passages')} onRetry={pages.retry} /> : null}
      <div role="table" aria-label="Passages" ref={table} tabIndex={-1} aria-rowcount={pages.total !== null ? pages.total + 1 : hasMore ? -1 : lines.length + 1} className="passage-table">
        <div role="rowgroup" className="passage-head">
          <div role="row" aria-rowindex={1} className="passage-row">
            {['Quote', 'Source', 'Outlet', 'Country', 'Date', 'Codes', 'Cite'].map((name) => (
              <div key={name} role="columnheader">
                {name}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={scroller} className="passage-scroller">
          {!pages.loading && !pages.error && lines.length === 0 ? <p className="library-no-match">{filtersSet > 0 ? 'No passages match these filters. Clear or widen them to see more.' : 'No passages yet. Open a source, select text and choose Highlight.'}</p> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const line = lines[item.index]!;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="passage-line" style={{ transform: `translateY(${item.start}px)` }}>
                  {line.kind === 'group' ? (
                    <div role="row" aria-rowindex={item.index + 2} className="passage-group">
                      <div role="cell">
                        <strong>{line.label}</strong> · {line.count === 1 ? '1 passage' : `${line.count} passages`}
                      </div>
                    </div>
                  ) : (
                    <PassageRow passage={line.passage} rowIndex={item.index + 2} onOpen={onOpenPassage} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
