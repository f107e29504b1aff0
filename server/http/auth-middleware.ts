import type { MiddlewareHandler } from 'hono';
import type { AuthService } from '../auth/auth.service.ts';
import { readSessionCookie, writeSessionCookie, type CookiePolicy } from '../auth/session-cookie.ts';
import type { ApiEnv } from './api-env.ts';
import { UnauthenticatedError } from './app-error.ts';

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Resolves an `Authorization: Bearer …` token into `c.var.principal`. A bearer token that is
 * not valid is refused with 401 here: such a request never falls back to the session cookie,
 * so the CSRF guard may exempt exactly the requests this middleware authenticated.
 */
export function authenticateToken(auth: AuthService): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) {
      c.set('principal', null);
    } else {
      const found = await auth.authenticate({ token });
      if (found === null) throw new UnauthenticatedError('unauthenticated', 'Invalid or expired token');
      c.set('principal', found);
    }
    await next();
  };
}

/**
 * Resolves the session cookie into `c.var.principal` unless a token already authenticated
 * the request (null if the cookie is missing or not valid); a session given a new id (its
 * user's roles changed, R10) gets the new cookie. Runs after the CSRF guard, so a refused
 * cross-site request never rotates a session.
 */
export function authenticateSession(auth: AuthService, cookies: CookiePolicy): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.get('principal') !== null) return next();
    const found = await auth.authenticate({ session: readSessionCookie(c, cookies) });
    if (found?.renewedSecret === undefined) {
      c.set('principal', found);
    } else {
      // The secret goes to the cookie only; the request carries on as the new session.
      const { renewedSecret, ...principal } = found;
      writeSessionCookie(c, cookies, renewedSecret);
      c.set('principal', principal);
    }
    await next();
  };
}

/** 401 unless a user is signed in; puts the user on `c.var.user`. */
export function requireUser(auth: AuthService): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal === null) throw new UnauthenticatedError('unauthenticated', 'Sign in first');
    c.set('user', await auth.userOf(principal));
    await next();
  };
}
