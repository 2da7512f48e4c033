import type { Source } from '../../../../shared/domain/source';
import { api } from '../../api/client';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';

/** One source with its body, re-fetched when that source changes. */
export function useSource(id: number): QueryState<Source> {
  return useQuery(`source:${id}`, () => api.getSource({ id }), { dependencies: [{ kind: 'sources', ids: [id] }] });
}
