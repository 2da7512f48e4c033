import { searchLibrary } from '../core/search';
import type { Db } from '../core/db/db';
import { formatSnippet } from '../shared/search/snippet';

export const SEARCH_USAGE = `  search QUERY [--limit N]  search sources, highlights and notes, best first; the query
                        language: words, "phrases", prefix*, -excluded, OR, outlet:, author:,
                        tag:, type:source|highlight|note, after:YYYY-MM-DD, before:YYYY-MM-DD`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Checks `--limit`; returns a usage problem or null. */
export function searchUsageProblem(args: readonly string[], limit: string | undefined): string | null {
  if (args.join(' ').trim() === '') return 'give a QUERY (quote it if it has spaces or quotes).';
  if (limit !== undefined && (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 200)) return '--limit takes a number from 1 to 200.';
  return null;
}

/** `marginalia search QUERY`: `[]` and exit 0 when nothing matches; a malformed query falls back to words, with a warning. */
export function runSearch(db: Db, args: readonly string[], limit: number, json: boolean, io: Io): number {
  const { results, warning } = searchLibrary(db, args.join(' '), { limit });
  if (warning) io.err(`marginalia search: ${warning}`);
  if (json) {
    io.out(JSON.stringify(results.map(({ type, id, sourceId, title, snippet }) => ({ type, id, sourceId, title, snippet })), null, 2));
  } else if (results.length === 0) {
    io.out('Nothing matches.');
  } else {
    for (const result of results) io.out(`${result.type} ${result.id}  ${result.title}\n    ${formatSnippet(result.segments, (text) => `[${text}]`)}`);
  }
  return 0;
}
