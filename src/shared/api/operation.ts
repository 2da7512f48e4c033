import type { z } from 'zod';
import type { Change, ChangesOf } from './changes';

/** One operation of the contract: a zod schema for the request and one for the response. */
export interface Operation<Req extends z.ZodType, Res extends z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  /** True when the operation changes the library (transports then emit `libraryChanged`). */
  readonly mutates: boolean;
  /** What a mutation changes (src/shared/api/changes.ts); empty for a query. */
  readonly changes: ChangesOf<z.output<Req>, z.output<Res>>;
}

export function query<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Operation<Req, Res> {
  return { request, response, mutates: false, changes: [] };
}

/** A mutation names what it changes, fixed or from its parsed request and response, so views re-fetch only that. */
export function mutation<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  changes: ChangesOf<z.output<Req>, z.output<Res>>,
): Operation<Req, Res> {
  return { request, response, mutates: true, changes };
}

/** The changes one call made, from the operation's declaration. */
export function changesOf<Req extends z.ZodType, Res extends z.ZodType>(operation: Operation<Req, Res>, request: z.output<Req>, response: z.output<Res>): Change[] {
  return typeof operation.changes === 'function' ? operation.changes(request, response) : [...operation.changes];
}
