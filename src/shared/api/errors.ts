/** Error codes every transport carries unchanged to the renderer. */
export type ApiErrorCode = 'invalid_request' | 'not_found' | 'conflict' | 'unavailable' | 'internal';

/** What a failed operation returns over any transport. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(what: string): ApiError {
  return new ApiError('not_found', `${what} was not found. It may have been deleted; reload the library.`);
}
