import type { SourceSort } from '../../../../shared/domain/source';

interface LibraryToolbarProps {
  sort: SourceSort;
  onSortChange: (sort: SourceSort) => void;
  outlet: string | null;
  outlets: readonly string[];
  onOutletChange: (outlet: string | null) => void;
  count: number | null;
}

export function LibraryToolbar({ sort, onSortChange, outlet, outlets, onOutletChange, count }: LibraryToolbarProps) {
  return (
    <div className="library-toolbar">
      <div className="library-heading">
        <h1>Library</h1>
        {count !== null ? <p className="library-count">{count === 1 ? '1 source' : `${count} sources`}</p> : null}
      </div>
      <div className="library-controls">
        <label className="field-inline">
          <span>Sort by</span>
          <select className="select" value={sort} onChange={(event) => onSortChange(event.currentTarget.value === 'title' ? 'title' : 'date')}>
            <option value="date">Date</option>
            <option value="title">Title</option>
          </select>
        </label>
        <label className="field-inline">
          <span>Filter by outlet</span>
          <select className="select" value={outlet ?? ''} onChange={(event) => onOutletChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
            <option value="">All outlets</option>
            {outlets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
