import type { SourceSelection } from '../../../../shared/domain/sourceList';
import type { LibraryQuery } from './libraryQuery';
import { filterOf } from './libraryQuery';

/**
 * Which rows are selected: some ids, or every row of the list's filter except some (Ctrl+A). The
 * second is a description, so selecting 100,000 rows holds no 100,000 ids.
 */
export type RowSelection = { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all'; except: ReadonlySet<number> };

export const NO_SELECTION: RowSelection = { kind: 'ids', ids: new Set() };
export const ALL_SELECTED: RowSelection = { kind: 'all', except: new Set() };

export function isSelected(selection: RowSelection, id: number): boolean {
  return selection.kind === 'ids' ? selection.ids.has(id) : !selection.except.has(id);
}

/** How many rows are selected, of `total` matching the filter. */
export function selectedCount(selection: RowSelection, total: number): number {
  return selection.kind === 'ids' ? selection.ids.size : Math.max(0, total - selection.except.size);
}

export function toggled(selection: RowSelection, id: number): RowSelection {
  const flip = (set: ReadonlySet<number>) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  return selection.kind === 'ids' ? { kind: 'ids', ids: flip(selection.ids) } : { kind: 'all', except: flip(selection.except) };
}

/** Adds `ids` (a Shift+click range) to the selection. */
export function withAdded(selection: RowSelection, ids: readonly number[]): RowSelection {
  if (selection.kind === 'ids') return { kind: 'ids', ids: new Set([...selection.ids, ...ids]) };
  const except = new Set(selection.except);
  for (const id of ids) except.delete(id);
  return { kind: 'all', except };
}

/** The selection as the library's bulk operations take it. */
export function toSourceSelection(selection: RowSelection, query: LibraryQuery): SourceSelection {
  return selection.kind === 'ids' ? { ids: [...selection.ids] } : { filter: filterOf(query), except: [...selection.except] };
}
