import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DraftContentError } from '../../shared/editor/draft-json.ts';
import type { ErrorBody, ErrorCode } from '../../shared/errors.ts';
import type { Logger } from '../logger.ts';
import { AppError, RetryLaterError } from './app-error.ts';

const HONO_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'too_many_requests',
};

/** The one place that maps errors to HTTP statuses and `{"error":{code,message}}` bodies. */
export function errorHandler(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof AppError) {
      if (error instanceof RetryLaterError) c.header('Retry-After', String(error.retryAfterS));
      return c.json<ErrorBody>(
        { error: { code: error.code, message: error.message, ...error.details } },
        error.status,
      );
    }
    // A draft an earlier build let break: a known state with a remedy (`draft repair`), not a crash.
    if (error instanceof DraftContentError) {
      log.warn({ path: c.req.path, detail: error.message }, 'draft does not fit the editor schema');
      const message = 'The draft holds content the editor cannot show; an administrator can run draft repair';
      return c.json<ErrorBody>({ error: { code: 'draft_damaged', message } }, 409);
    }
    // Hono's own refusals (e.g. a body that is not JSON) are client errors, not crashes.
    if (error instanceof HTTPException && error.status < 500) {
      const code = HONO_STATUS_CODES[error.status] ?? 'validation_failed';
      return c.json<ErrorBody>({ error: { code, message: error.message || 'Bad request' } }, error.status);
    }
    log.error({ err: error, path: c.req.path }, 'unhandled request error');
    return c.json<ErrorBody>({ error: { code: 'internal_error', message: 'Internal server error' } }, 500);
  };
}

/** The 404 body for routes that do not exist. */
export function notFoundHandler(c: Context): Response {
  return c.json<ErrorBody>({ error: { code: 'not_found', message: `No route for ${c.req.path}` } }, 404);
}
