export { createSearchHandlers } from './searchHandlers';
export type { SearchHandlers } from './searchHandlers';
export { searchLibrary, planSearch, CANDIDATE_CAP } from './search';
export type { SearchOptions } from './search';
