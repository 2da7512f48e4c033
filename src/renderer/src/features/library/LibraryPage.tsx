import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { BulkActions } from './BulkActions';
import { EmptyLibrary } from './EmptyLibrary';
import type { LibraryQuery } from './libraryQuery';
import { DEFAULT_LIBRARY_QUERY, isFiltered } from './libraryQuery';
import { LibraryToolbar } from './LibraryToolbar';
import type { RowSelection } from './sourceSelection';
import { ALL_SELECTED, NO_SELECTION, selectedCount, toggled, withAdded } from './sourceSelection';
import type { RowClick } from './SourceTable';
import { SourceTable } from './SourceTable';
import { useBulkActions } from './useBulkActions';
import { useCollections, useLanguages, useOutlets } from './useFilterChoices';
import { idsInRange, SOURCE_PAGE_SIZE, useSourcePages } from './useSourcePages';

interface LibraryPageProps {
  query: LibraryQuery;
  onQueryChange: (query: LibraryQuery) => void;
  onOpen: (id: number) => void;
  onLoadSample: () => void;
  importing: boolean;
  focusSourceId: number | null;
}

/** Marked when the first rows of the library are on screen: the cold-start and paint benches read it. */
export const LIBRARY_ROWS_PAINTED = 'marginalia:library-rows-painted';

export function LibraryPage({ query, onQueryChange, onOpen, onLoadSample, importing, focusSourceId }: LibraryPageProps) {
  const [range, setRange] = useState({ first: 0, last: 0 });
  const pages = useSourcePages(query, range.first, range.last);
  // The filters' choices are asked for once the first rows are painted (or there are none to
  // paint): at 100,000 articles, answering and drawing them first delayed the rows by 100 ms or more.
  const [rowsShown, setRowsShown] = useState(false);
  const choicesWanted = rowsShown || pages.total === 0 || pages.libraryTotal === 0 || pages.error !== null;
  const outlets = useOutlets(choicesWanted);
  const languages = useLanguages(choicesWanted);
  const collections = useCollections(choicesWanted);
  const collectionNames = (collections.data ?? []).map((collection) => collection.name);
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const anchor = useRef<number | null>(null);
  const bulk = useBulkActions(query, selection, setSelection);
  // Kept by page (the pages are what it loads): a fling moves the rows on screen every frame, and
  // a new range each frame re-rendered the whole page (toolbar and filters) once more a frame.
  const onRangeChange = useCallback((first: number, last: number) => {
    const range = { first: first - (first % SOURCE_PAGE_SIZE), last: last - (last % SOURCE_PAGE_SIZE) };
    setRange((current) => (current.first === range.first && current.last === range.last ? current : range));
  }, []);

  // A different list is a different selection.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setSelection(NO_SELECTION);
    anchor.current = null;
  }, [queryKey]);

  // An outlet that no source names any more (edited or deleted) cannot stay selected.
  useEffect(() => {
    if (query.outlet !== null && outlets.data && !outlets.data.includes(query.outlet)) onQueryChange({ ...query, outlet: null });
  }, [query, outlets.data, onQueryChange]);
  // Nor a collection that was deleted.
  useEffect(() => {
    if (query.collection !== null && collections.data && !collections.data.some((collection) => collection.name === query.collection)) onQueryChange({ ...query, collection: null });
  }, [query, collections.data, onQueryChange]);

  const total = pages.total;
  const painted = total !== null && total > 0 && pages.rowAt(0) !== undefined;
  useEffect(() => {
    // After the frame that shows them: the next animation frame, then the task after its paint.
    if (!painted) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(LIBRARY_ROWS_PAINTED);
        setRowsShown(true);
      }, 0),
    );
  }, [painted]);

  const onRowClick = useCallback(
    (click: RowClick) => {
      if (click.range && anchor.current !== null) {
        const [from, to] = anchor.current < click.index ? [anchor.current, click.index] : [click.index, anchor.current];
        void idsInRange(query, from, to).then((ids) => setSelection((current) => withAdded(current, ids)));
        return;
      }
      anchor.current = click.index;
      setSelection((current) => toggled(current, click.id));
    },
    [query],
  );

  if (pages.error && total === null) {
    return (
      <div className="page library-page">
        <ErrorBanner title="The library could not be loaded." message={errorMessage(pages.error, 'load the library')} onRetry={pages.retry} />
      </div>
    );
  }

  if (pages.libraryTotal === 0) {
    return (
      <div className="page library-page">
        <EmptyLibrary onLoadSample={onLoadSample} busy={importing} />
      </div>
    );
  }

  const count = total === null ? 0 : selectedCount(selection, total);
  return (
    <div className="page library-page" aria-busy={pages.loading}>
      <LibraryToolbar query={query} onQueryChange={onQueryChange} outlets={outlets.data ?? []} languages={languages.data ?? []} collections={collectionNames} total={total} libraryTotal={pages.libraryTotal} />
      {pages.error ? <ErrorBanner title="The list could not be refreshed." message={errorMessage(pages.error, 'refresh the library')} onRetry={pages.retry} /> : null}
      {bulk.notice ? (
        <div className="bulk-notice" role="status">
          <span>{bulk.notice.message}</span>
          {bulk.notice.undoToken ? (
            <button type="button" className="button" disabled={bulk.busy} onClick={() => void bulk.undoDelete(bulk.notice!.undoToken!)}>
              Undo
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={bulk.dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
      {count > 0 ? (
        <BulkActions
          count={count}
          busy={bulk.busy}
          onDelete={() => void bulk.deleteSelected()}
          onSetOutlet={(outlet) => void bulk.setOutlet(outlet)}
          onAddToCollection={(name) => void bulk.addToCollection(name)}
          collections={collectionNames}
          onClear={() => setSelection(NO_SELECTION)}
        />
      ) : null}
      {total === null ? (
        <p className="loading">Loading the library…</p>
      ) : total === 0 ? (
        <div className="library-no-match">
          <p>{isFiltered(query) ? 'No sources match these filters.' : 'No sources.'}</p>
          <button type="button" className="button" onClick={() => onQueryChange({ ...DEFAULT_LIBRARY_QUERY, sort: query.sort, direction: query.direction })}>
            Clear filters
          </button>
        </div>
      ) : (
        <SourceTable
          query={query}
          pages={pages}
          total={total}
          selection={selection}
          onSortChange={(sort, direction) => onQueryChange({ ...query, sort, direction })}
          onRangeChange={onRangeChange}
          onOpen={onOpen}
          onRowClick={onRowClick}
          onSelectAll={(selected) => setSelection(selected ? ALL_SELECTED : NO_SELECTION)}
          focusSourceId={focusSourceId}
        />
      )}
    </div>
  );
}
