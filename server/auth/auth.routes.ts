import { createRoute } from '@hono/zod-openapi';
import { SessionInfo, SignInRequest, WhoAmI } from '../../shared/api/auth.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse as error, json } from '../http/openapi-helpers.ts';
import { requireUser } from '../http/auth-middleware.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AuthService } from './auth.service.ts';
import {
  clearSessionCookie,
  readSessionCookie,
  writeSessionCookie,
  type CookiePolicy,
} from './session-cookie.ts';

const signIn = createRoute({
  method: 'post',
  path: '/sign-in',
  tags: ['auth'],
  summary: 'Sign in with username and password; sets the session cookie',
  security: [],
  request: { body: { ...json(SignInRequest), required: true } },
  responses: {
    200: { description: 'Signed in', ...json(SessionInfo) },
    400: error('Malformed body'),
    401: error('Wrong username or password (never says which)'),
    403: error('Foreign Origin or non-JSON body (CSRF)'),
    429: error('Too many failed attempts for this account or address'),
  },
});

const signOut = createRoute({
  method: 'post',
  path: '/sign-out',
  tags: ['auth'],
  summary: 'End the current session; its open sockets close within seconds',
  responses: { 204: { description: 'Signed out' }, 403: error('CSRF') },
});

const session = createRoute({
  method: 'get',
  path: '/session',
  tags: ['auth'],
  summary: 'The signed-in user, their organisation and roles',
  responses: { 200: { description: 'Signed in', ...json(SessionInfo) }, 401: error('Not signed in') },
});

const whoami = createRoute({
  method: 'get',
  path: '/whoami',
  tags: ['auth'],
  summary: 'The signed-in user, or null (for pages deciding whether to show sign-in)',
  security: [],
  responses: { 200: { description: 'Who is signed in, if anyone', ...json(WhoAmI) } },
});

/** `/api/auth`: sign-in, sign-out, current session. */
export function authRoutes(auth: AuthService, cookies: CookiePolicy) {
  const app = apiRouter();
  app.openapi(signIn, async (c) => {
    const { username, password } = c.req.valid('json');
    const result = await auth.signIn(username, password, clientAddress(c));
    writeSessionCookie(c, cookies, result.secret);
    return c.json(result.info, 200);
  });
  app.openapi(signOut, async (c) => {
    const secret = readSessionCookie(c, cookies);
    if (secret !== undefined) await auth.signOut(secret);
    clearSessionCookie(c, cookies);
    return c.body(null, 204);
  });
  app.openapi(whoami, async (c) => {
    const principal = c.var.principal;
    const user = principal === null ? null : await auth.userOf(principal).catch(() => null);
    return c.json(
      { session: user === null ? null : await auth.describe(user, principal?.expiresAt ?? null) },
      200,
    );
  });
  app.use(session.path, requireUser(auth));
  app.openapi(session, async (c) =>
    c.json(await auth.describe(c.var.user, c.var.principal?.expiresAt ?? null), 200),
  );
  return app;
}
