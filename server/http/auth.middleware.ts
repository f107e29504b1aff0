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
 * Resolves the session cookie or bearer token into `c.var.principal` (null if neither is
 * valid); a session given a new id (its user's roles changed, R10) gets the new cookie.
 */
export function authenticate(auth: AuthService, cookies: CookiePolicy): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const session = token === undefined ? readSessionCookie(c, cookies) : undefined;
    const found = await auth.authenticate({ token, session });
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
