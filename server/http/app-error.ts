import type { ErrorCode, ErrorDetails } from '../../shared/errors.ts';

/** An error with a stable code that the HTTP layer turns into a JSON error response. */
export class AppError extends Error {
  override readonly name: string = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Sent beside the code so the client can name the fields in its own language. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** The request was malformed (400). */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
}

/** No valid session or token came with the request (401). */
export class UnauthenticatedError extends AppError {
  override readonly name = 'UnauthenticatedError';
}

/** The caller is known but may not do this, or the request came from a foreign origin (403). */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
}

/** The request conflicts with existing data, e.g. a username taken (409). */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
}

/** Too many attempts; `retryAfterS` tells when to try again (429). */
export class TooManyRequestsError extends AppError {
  override readonly name = 'TooManyRequestsError';

  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(code, message);
  }
}

/** The request body is larger than the route accepts (413). */
export class PayloadTooLargeError extends AppError {
  override readonly name = 'PayloadTooLargeError';
}

/** The resource does not exist, or the caller may not know that it does (404). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
}

/** The server cannot take the request right now, e.g. while shutting down (503). */
export class UnavailableError extends AppError {
  override readonly name = 'UnavailableError';
}

/** Every slot for costly work is taken; `retryAfterS` tells when to try again (503). */
export class BusyError extends AppError {
  override readonly name = 'BusyError';

  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(code, message);
  }
}
