import { z } from 'zod';
import type { ApiErrorBody } from '../shared/api/errors';
import { ApiError } from '../shared/api/errors';
import type { Handlers, LibraryEvent } from '../shared/api/contract';
import { contract, isOperationName } from '../shared/api/contract';
import { describeSqliteError } from './db/writeTransaction';
import { changesOf } from '../shared/api/operation';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

/**
 * The one path every transport takes: known operation, request parsed by its schema, handler,
 * response parsed by its schema, errors turned into `{ code, message }`. IPC and HTTP only carry it.
 */
export async function dispatch(handlers: Handlers, operation: string, payload: unknown, emit?: (event: LibraryEvent) => void): Promise<DispatchResult> {
  if (!isOperationName(operation)) return { ok: false, error: { code: 'not_found', message: `There is no operation "${operation}".` } };
  const spec = contract[operation];
  const request = spec.request.safeParse(payload ?? {});
  if (!request.success) {
    return { ok: false, error: { code: 'invalid_request', message: `Invalid request for ${operation}: ${z.prettifyError(request.error)}` } };
  }
  try {
    const handler = handlers[operation] as (request: unknown) => unknown;
    const value = spec.response.parse(await handler(request.data));
    if (spec.mutates) emit?.({ type: 'libraryChanged', operation, changes: changesOf<z.ZodType, z.ZodType>(spec, request.data, value) });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    // "database is locked" or "attempt to write a readonly database" is no internal failure: say what it means.
    const sqlite = describeSqliteError(error);
    if (sqlite) return { ok: false, error: { code: sqlite.code, message: sqlite.message } };
    console.error(`marginalia: ${operation} failed`, error);
    return { ok: false, error: { code: 'internal', message: `${operation} failed: ${(error as Error).message}` } };
  }
}
