import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from './app-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated requests (R11): a state-changing request must come
 * from an allowed Origin and carry `Content-Type: application/json`, which a cross-site form
 * cannot send without a CORS preflight. Requests with an `Authorization` header carry no
 * ambient credential, so they are exempt.
 */
export function csrfGuard(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('authorization') === undefined) {
      const origin = c.req.header('origin');
      if (origin === undefined || !allowed.has(origin))
        throw new ForbiddenError('csrf_rejected', 'Request refused: missing or foreign Origin');
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json(;|$)/i.test(type))
        throw new ForbiddenError('csrf_rejected', 'Request refused: the body must be application/json');
    }
    await next();
  };
}
