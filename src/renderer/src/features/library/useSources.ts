import type { SourceSort, SourceSummary } from '../../../../shared/domain/source';
import { api } from '../../api/client';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';

/** The library's sources, sorted and filtered by the server, re-fetched whenever the library changes. */
export function useSources(sort: SourceSort, outlet: string | null): QueryState<SourceSummary[]> {
  return useQuery(JSON.stringify(['sources', sort, outlet]), () => api.listSources({ sort, outlet }), { dependencies: [{ kind: 'sources' }] });
}

/** Every outlet named by some source, for the filter. */
export function useOutlets(): QueryState<string[]> {
  return useQuery('outlets', () => api.listOutlets({}), { dependencies: [{ kind: 'sources' }] });
}
