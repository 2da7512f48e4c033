import { ApiError } from '../../../shared/api/errors';

/** The text to show a user for a failed operation: the library's own message when it gave one. */
export function errorMessage(error: unknown, doing: string): string {
  if (error instanceof ApiError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not ${doing}: ${detail}`;
}
