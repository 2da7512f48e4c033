import type { z } from 'zod';

/** One operation of the contract: a zod schema for the request and one for the response. */
export interface Operation<Req extends z.ZodType, Res extends z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  /** True when the operation changes the library (transports then emit `libraryChanged`). */
  readonly mutates: boolean;
}

export function query<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Operation<Req, Res> {
  return { request, response, mutates: false };
}

export function mutation<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): Operation<Req, Res> {
  return { request, response, mutates: true };
}
