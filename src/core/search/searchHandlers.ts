import type { z } from 'zod';
import type { searchOperations } from '../../shared/api/search';
import type { Db } from '../db/db';
import { searchLibrary } from './search';

type SearchOperations = typeof searchOperations;

/** The search operations' handlers, for createHandlers to spread in (see src/core/handlers.ts). */
export type SearchHandlers = {
  [K in keyof SearchOperations]: (request: z.output<SearchOperations[K]['request']>) => z.output<SearchOperations[K]['response']>;
};

export function createSearchHandlers(db: Db): SearchHandlers {
  return {
    search: ({ query, limit }) => searchLibrary(db, query, { limit }),
  };
}
