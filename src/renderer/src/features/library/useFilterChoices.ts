import { api } from '../../api/client';
import type { QueryState } from '../../hooks/useQuery';
import { useQuery } from '../../hooks/useQuery';
import type { Collection } from '../../../../shared/domain/compare';
import { COLLECTIONS_READ } from '../compare/compareDependencies';

// `enabled` false: not asked for yet (the library asks once its first rows are painted).

/** Every outlet named by some source, for the filter. */
export function useOutlets(enabled = true): QueryState<string[]> {
  return useQuery('outlets', () => api.listOutlets({}), { dependencies: [{ kind: 'sources' }], enabled });
}

/** Every language some source is in, for the filter. */
export function useLanguages(enabled = true): QueryState<string[]> {
  return useQuery('languages', () => api.listLanguages({}), { dependencies: [{ kind: 'sources' }], enabled });
}

/** Every collection, for the filter and the bulk bar's "Add to collection". */
export function useCollections(enabled = true): QueryState<Collection[]> {
  return useQuery('collections', () => api.listCollections({}), { dependencies: COLLECTIONS_READ, enabled });
}
