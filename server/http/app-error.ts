import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorDetails } from '../../shared/errors.ts';

/** An error with a stable code that the HTTP layer turns into a JSON error response. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  /** The HTTP status it is answered with (each kind below sets its own). */
  readonly status: ContentfulStatusCode = 500;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Sent beside the code so the client can name the fields in its own language. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** An error that tells the client when to try again (`Retry-After`, in seconds). */
export class RetryLaterError extends AppError {
  override readonly name: string = 'RetryLaterError';

  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(code, message);
  }
}

/**
 * One kind of error per HTTP status: a class (for `throw new NotFoundError(…)` and `instanceof`)
 * named for the logs and answered with `status`. A table instead of a dozen identical classes.
 */
// TypeScript accepts a class built on a generic base only if that base takes `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function errorKind<Base extends new (...args: any[]) => AppError>(
  base: Base,
  label: string,
  status: ContentfulStatusCode,
) {
  return class extends base {
    override readonly name: string = label;
    override readonly status: ContentfulStatusCode = status;
  };
}

/** The request was malformed (400). */
export const ValidationError = errorKind(AppError, 'ValidationError', 400);
/** No valid session or token came with the request (401). */
export const UnauthenticatedError = errorKind(AppError, 'UnauthenticatedError', 401);
/** The caller is known but may not do this, or the request came from a foreign origin (403). */
export const ForbiddenError = errorKind(AppError, 'ForbiddenError', 403);
/** The resource does not exist, or the caller may not know that it does (404). */
export const NotFoundError = errorKind(AppError, 'NotFoundError', 404);
/** The request conflicts with existing data, e.g. a username taken (409). */
export const ConflictError = errorKind(AppError, 'ConflictError', 409);
/** The request body is larger than the route accepts (413). */
export const PayloadTooLargeError = errorKind(AppError, 'PayloadTooLargeError', 413);
/** Too many attempts; `retryAfterS` tells when to try again (429). */
export const TooManyRequestsError = errorKind(RetryLaterError, 'TooManyRequestsError', 429);
/** The server cannot take the request right now, e.g. while shutting down (503). */
export const UnavailableError = errorKind(AppError, 'UnavailableError', 503);
/** Every slot for costly work is taken; `retryAfterS` tells when to try again (503). */
export const BusyError = errorKind(RetryLaterError, 'BusyError', 503);
