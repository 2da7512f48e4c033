import { z } from 'zod';
import { IsoDate, SourceId, SourceSummary } from './source';

/**
 * The library list at 100,000 articles (issue 13): sorted and filtered in SQL, read a page at a
 * time by keyset, and selections described by their filter rather than by 100,000 ids.
 */
export const LIST_SORTS = ['date', 'title', 'outlet', 'author'] as const;
export const ListSort = z.enum(LIST_SORTS);
export type ListSort = z.infer<typeof ListSort>;

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

/** Newest first for dates, A to Z for the rest. */
export function defaultDirection(sort: ListSort): SortDirection {
  return sort === 'date' ? 'desc' : 'asc';
}

export const SourceFilter = z.object({
  outlet: z.string().max(200).nullable().default(null),
  language: z.string().max(35).nullable().default(null),
  /** Published on or after / on or before (YYYY-MM-DD); undated sources are left out by either. */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  /** Words, in the search query language (src/shared/search/parseQuery.ts), matched by the full-text index. */
  words: z.string().max(500).default(''),
  /** Only the sources of one collection, by name (case-folded as collections are); an unknown name matches none. */
  collection: z.string().max(100).nullable().default(null),
});
export type SourceFilter = z.infer<typeof SourceFilter>;
export type SourceFilterInput = z.input<typeof SourceFilter>;

/** Where a page ends: the last row's sort value and id. Pass it as `after` for the next page. */
export const SourceCursor = z.object({ value: z.string(), id: SourceId });
export type SourceCursor = z.infer<typeof SourceCursor>;

export const MAX_SOURCE_PAGE = 500;

export const SourcePageRequest = SourceFilter.extend({
  sort: ListSort.default('date'),
  direction: SortDirection.optional(),
  /** Keyset paging: the rows after this cursor. */
  after: SourceCursor.nullable().default(null),
  /** Without `after`: skip this many rows (a jump, e.g. the scroll bar dragged far ahead). */
  offset: z.number().int().nonnegative().max(10_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_SOURCE_PAGE).default(200),
});
export type SourcePageRequest = z.input<typeof SourcePageRequest>;

export const SourcePage = z.object({
  sources: z.array(SourceSummary),
  /** The cursor of the next page, or null when this is the last. */
  next: SourceCursor.nullable(),
  /** Sources matching the filter ("2,314 shown"). */
  total: z.number().int().nonnegative(),
  /** Sources in the library ("100,000 sources"). */
  libraryTotal: z.number().int().nonnegative(),
});
export type SourcePage = z.infer<typeof SourcePage>;

/**
 * Rows chosen for a bulk action: listed ids, or every source matching a filter except some
 * (Ctrl+A, then Ctrl+click to leave a few out) — never 100,000 ids in a request.
 */
export const SourceSelection = z.union([
  z.object({ ids: z.array(SourceId).min(1).max(MAX_SOURCE_PAGE * 20) }),
  z.object({ filter: SourceFilter, except: z.array(SourceId).max(MAX_SOURCE_PAGE * 20).default([]) }),
]);
export type SourceSelection = z.input<typeof SourceSelection>;
