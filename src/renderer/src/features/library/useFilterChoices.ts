import { api } from '../../api/client';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';

/** Every outlet named by some source, for the filter. */
export function useOutlets(): QueryState<string[]> {
  return useQuery('outlets', () => api.listOutlets({}), { dependencies: [{ kind: 'sources' }] });
}

/** Every language some source is in, for the filter. */
export function useLanguages(): QueryState<string[]> {
  return useQuery('languages', () => api.listLanguages({}), { dependencies: [{ kind: 'sources' }] });
}
