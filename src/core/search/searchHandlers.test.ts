import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchOperations } from '../../shared/api/search';
import type { Db } from '../db/db';
import { createSearchHandlers } from './searchHandlers';
import { addSource, openTestLibrary } from '../../../tests/support/library';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = openTestLibrary());
  for (let n = 0; n < 30; n++) addSource(db, { title: `Convoy ${n}`, body: `The Laçın convoy number ${n} waited at the checkpoint.` });
});
afterAll(() => cleanup());

/** What a transport does: parse the request, call the handler, parse the response. */
function dispatchSearch(payload: unknown) {
  const { request, response } = searchOperations.search;
  return response.parse(createSearchHandlers(db).search(request.parse(payload)));
}

describe('the search operation', () => {
  it('answers in the contract shape, with the default limit of 20', () => {
    const { results, warning } = dispatchSearch({ query: 'Lacin convoy' });
    expect(warning).toBeNull();
    expect(results).toHaveLength(20);
    expect(results[0]).toMatchObject({ type: 'source', title: expect.stringMatching(/^Convoy/) });
  });

  it('passes the limit through and reports warnings', () => {
    expect(dispatchSearch({ query: 'convoy', limit: 3 }).results).toHaveLength(3);
    expect(dispatchSearch({ query: '"convoy' }).warning).toMatch(/never closed/);
  });

  it('refuses requests outside the schema before any search runs', () => {
    const { request } = searchOperations.search;
    expect(request.safeParse({ query: 'x', limit: 0 }).success).toBe(false);
    expect(request.safeParse({ query: 'x', limit: 201 }).success).toBe(false);
    expect(request.safeParse({ query: 'x'.repeat(1001) }).success).toBe(false);
    expect(request.safeParse({}).success).toBe(false);
  });
});
