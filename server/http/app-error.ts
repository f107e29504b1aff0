import type { ErrorCode } from '../../shared/errors.ts';

/** An error with a stable code that the HTTP layer turns into a JSON error response. */
export class AppError extends Error {
  override readonly name: string = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The request was malformed (400). */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
}

/** The resource does not exist, or the caller may not know that it does (404). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
}

/** The server cannot take the request right now, e.g. while shutting down (503). */
export class UnavailableError extends AppError {
  override readonly name = 'UnavailableError';
}
