import type { SearchResponse } from '../../shared/api/search';

/** What the search worker is started with. */
export interface SearchWorkerData {
  libraryPath: string;
  /** better-sqlite3 built for Electron's ABI, as the main connection uses (see README). */
  nativeBinding?: string;
}

/** One query, numbered so that a late answer is never taken for a newer query's. */
export interface SearchWorkerRequest {
  seq: number;
  query: string;
  limit: number;
}

export type SearchWorkerReply = { ready: true } | { seq: number; response: SearchResponse } | { seq: number; error: string };
