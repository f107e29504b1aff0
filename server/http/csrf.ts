import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { ForbiddenError } from './app-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated requests (R11): a state-changing request must come
 * from an allowed Origin and carry `Content-Type: application/json`, which a cross-site form
 * cannot send without a CORS preflight. Runs after {@link authenticateToken}: only a request
 * that a valid bearer token authenticated carries no ambient credential and is exempt. Any
 * other `Authorization` header (e.g. `Basic`, which a browser may add by itself) leaves the
 * request a cookie request.
 */
export function csrfGuard(allowedOrigins: readonly string[]): MiddlewareHandler<ApiEnv> {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const byToken = c.get('principal')?.credential.kind === 'token';
    if (!SAFE_METHODS.has(c.req.method) && !byToken) {
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
