import type { ListSort, SortDirection, SourceFilterInput } from '../../../../shared/domain/sourceList';
import { defaultDirection } from '../../../../shared/domain/sourceList';

/** What the library list shows: its sort and its filter (the filter is also what "select all" means). */
export interface LibraryQuery {
  sort: ListSort;
  direction: SortDirection;
  outlet: string | null;
  language: string | null;
  from: string | null;
  to: string | null;
  words: string;
  /** A collection's name: only its sources. */
  collection: string | null;
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { sort: 'date', direction: defaultDirection('date'), outlet: null, language: null, from: null, to: null, words: '', collection: null };

export function filterOf(query: LibraryQuery): SourceFilterInput {
  return { outlet: query.outlet, language: query.language, from: query.from, to: query.to, words: query.words.trim(), collection: query.collection };
}

export function isFiltered(query: LibraryQuery): boolean {
  return query.outlet !== null || query.language !== null || query.from !== null || query.to !== null || query.words.trim() !== '' || query.collection !== null;
}

/** "Sorted by date, newest first": the table's caption and the sort control's words. */
export function describeSort(query: LibraryQuery): string {
  const words: Record<ListSort, [string, string]> = {
    date: ['oldest first', 'newest first'],
    title: ['A to Z', 'Z to A'],
    outlet: ['A to Z', 'Z to A'],
    author: ['A to Z', 'Z to A'],
  };
  return `sorted by ${query.sort}, ${words[query.sort][query.direction === 'asc' ? 0 : 1]}`;
}
