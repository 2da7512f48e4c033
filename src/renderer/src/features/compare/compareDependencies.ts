import type { Dependency } from '../../../../shared/api/changes';

/** What the views across sources read (src/renderer/src/api/queryCache.ts re-fetches them when it changes). */
export const PASSAGES_READ: readonly Dependency[] = [{ kind: 'highlights' }, { kind: 'sources' }, { kind: 'tags' }, { kind: 'outlets' }, { kind: 'collections' }, { kind: 'citations' }];
export const MATRIX_READS: readonly Dependency[] = [{ kind: 'highlights' }, { kind: 'sources' }, { kind: 'tags' }, { kind: 'outlets' }, { kind: 'collections' }];
export const TIMELINE_READS: readonly Dependency[] = [{ kind: 'highlights' }, { kind: 'sources' }, { kind: 'tags' }, { kind: 'outlets' }];
export const CODES_READ: readonly Dependency[] = [{ kind: 'tags' }, { kind: 'highlights' }];
export const OUTLETS_READ: readonly Dependency[] = [{ kind: 'outlets' }, { kind: 'sources' }];
export const COLLECTIONS_READ: readonly Dependency[] = [{ kind: 'collections' }, { kind: 'sources' }];
export const SOURCES_READ: readonly Dependency[] = [{ kind: 'sources' }];
