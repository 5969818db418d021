import type { ApiErrorCode } from '#common/api-error';

/** Thrown by handlers; the error handler turns it into a JSON error with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
