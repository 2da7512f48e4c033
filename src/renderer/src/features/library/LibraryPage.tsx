import { useEffect } from 'react';
import type { SourceSort } from '../../../../shared/domain/source';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { EmptyLibrary } from './EmptyLibrary';
import { LibraryToolbar } from './LibraryToolbar';
import { SourceTable } from './SourceTable';
import { useOutlets, useSources } from './useSources';

export interface LibraryFilters {
  sort: SourceSort;
  outlet: string | null;
}

interface LibraryPageProps {
  filters: LibraryFilters;
  onFiltersChange: (filters: LibraryFilters) => void;
  onOpen: (id: number) => void;
  onLoadSample: () => void;
  importing: boolean;
  focusSourceId: number | null;
}

export function LibraryPage({ filters, onFiltersChange, onOpen, onLoadSample, importing, focusSourceId }: LibraryPageProps) {
  const sources = useSources(filters.sort, filters.outlet);
  const outlets = useOutlets();

  // An outlet that no source names any more (edited or deleted) cannot stay selected.
  useEffect(() => {
    if (filters.outlet !== null && outlets.data && !outlets.data.includes(filters.outlet)) onFiltersChange({ ...filters, outlet: null });
  }, [filters, outlets.data, onFiltersChange]);

  const list = sources.data;
  const isEmptyLibrary = list !== undefined && list.length === 0 && filters.outlet === null;

  if (sources.error && list === undefined) {
    return (
      <div className="page library-page">
        <ErrorBanner title="The library could not be loaded." message={errorMessage(sources.error, 'load the library')} onRetry={sources.retry} />
      </div>
    );
  }

  if (isEmptyLibrary) {
    return (
      <div className="page library-page">
        <EmptyLibrary onLoadSample={onLoadSample} busy={importing} />
      </div>
    );
  }

  return (
    <div className="page library-page" aria-busy={sources.loading}>
      <LibraryToolbar
        sort={filters.sort}
        onSortChange={(sort) => onFiltersChange({ ...filters, sort })}
        outlet={filters.outlet}
        outlets={outlets.data ?? []}
        onOutletChange={(outlet) => onFiltersChange({ ...filters, outlet })}
        count={list ? list.length : null}
      />
      {sources.error ? <ErrorBanner title="The list could not be refreshed." message={errorMessage(sources.error, 'refresh the library')} onRetry={sources.retry} /> : null}
      {list === undefined ? (
        <p className="loading">Loading the library…</p>
      ) : list.length === 0 ? (
        <div className="library-no-match">
          <p>No sources from {filters.outlet}.</p>
          <button type="button" className="button" onClick={() => onFiltersChange({ ...filters, outlet: null })}>
            Show all outlets
          </button>
        </div>
      ) : (
        <SourceTable sources={list} sort={filters.sort} onOpen={onOpen} focusSourceId={focusSourceId} />
      )}
    </div>
  );
}
