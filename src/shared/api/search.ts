import { z } from 'zod';
import { SEARCH_TYPES } from '../search/parseQuery';
import { query } from './operation';

export const SearchType = z.enum(SEARCH_TYPES);

export const SnippetSegment = z.object({ text: z.string(), match: z.boolean() });

export const SearchResult = z.object({
  type: SearchType,
  /** The source's, highlight's or note's own id, by `type`. */
  id: z.number().int().positive(),
  /** The source a source or highlight result belongs to; null for notes. */
  sourceId: z.number().int().positive().nullable(),
  title: z.string(),
  /** The snippet as plain text (for the CLI and accessible names). */
  snippet: z.string(),
  /** The same snippet with the matched words marked, for the renderer to draw without innerHTML. */
  segments: z.array(SnippetSegment),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 200;

export const SearchRequest = z.object({
  /** In the query language of src/shared/search/parseQuery.ts. */
  query: z.string().max(1000),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(SEARCH_DEFAULT_LIMIT),
  /**
   * Who asks (e.g. one search box): where search runs off the main thread, a query supersedes the
   * same client's queries still waiting or running, whose answers then come back `superseded`.
   * Without it a query supersedes nothing.
   */
  client: z.string().min(1).max(100).optional(),
});

export const SearchResponse = z.object({
  /** Best first. */
  results: z.array(SearchResult),
  /** Why the query was not read as written (it was searched as plain words), or null. */
  warning: z.string().nullable(),
  /** True when a newer query of the same client replaced this one: `results` is then empty, not an answer. */
  superseded: z.boolean().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const searchOperations = {
  search: query(SearchRequest, SearchResponse),
};
