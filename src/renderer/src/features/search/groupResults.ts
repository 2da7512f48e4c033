import type { SearchResult } from '../../../../shared/api/search';

export type SearchKind = SearchResult['type'];

/** The result groups in the order they are shown, with their headings. */
export const RESULT_GROUPS: readonly { type: SearchKind; heading: string }[] = [
  { type: 'source', heading: 'Sources' },
  { type: 'highlight', heading: 'Highlights' },
  { type: 'note', heading: 'Notes' },
];

export interface ResultGroup {
  type: SearchKind;
  heading: string;
  results: SearchResult[];
}

/**
 * Results grouped by kind, each group in the library's order (best first); groups without results
 * are left out. Arrow keys walk `flatten(groups)`: the order they are shown in.
 */
export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  return RESULT_GROUPS.map(({ type, heading }) => ({ type, heading, results: results.filter((result) => result.type === type) })).filter((group) => group.results.length > 0);
}

export function flatten(groups: readonly ResultGroup[]): SearchResult[] {
  return groups.flatMap((group) => group.results);
}

/** A DOM id for a result's option, for aria-activedescendant. */
export const optionId = (prefix: string, result: SearchResult) => `${prefix}-${result.type}-${result.id}`;
