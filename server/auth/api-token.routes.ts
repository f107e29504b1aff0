import { createRoute, z } from '@hono/zod-openapi';
import { CreatedToken, CreateTokenRequest, TokenList } from '../../shared/api/auth.ts';
import { apiRouter } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse as error, json } from '../http/openapi-helpers.ts';
import type { ApiTokenService, TokenInfo } from './api-token.service.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const summary = (t: TokenInfo) => ({
  id: t.id,
  name: t.name,
  createdAt: new Date(t.createdAt).toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['tokens'],
  summary: "The caller's live API tokens (without secrets)",
  responses: { 200: { description: 'Tokens', ...json(TokenList) }, 401: error('Not signed in') },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['tokens'],
  summary: 'Create an API token; the secret is returned once',
  request: { body: { ...json(CreateTokenRequest), required: true } },
  responses: {
    201: { description: 'Created', ...json(CreatedToken) },
    400: error('Malformed body'),
    401: error('Not signed in'),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['tokens'],
  summary: 'Revoke one of your tokens; sockets using it close within seconds',
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: { 204: { description: 'Revoked' }, 404: error('No such token of yours') },
});

/** `/api/tokens`: the caller's personal API tokens. Mounted behind `requireUser`. */
export function apiTokenRoutes(tokens: ApiTokenService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json({ tokens: (await tokens.list(c.var.user.id)).map(summary) }, 200));
  app.openapi(create, async (c) => {
    const { name, expiresInDays } = c.req.valid('json');
    const source = { userId: c.var.user.id, address: clientAddress(c) };
    const created = await tokens.create(c.var.user.id, name, expiresInDays, source);
    return c.json({ ...summary(created), token: created.token }, 201);
  });
  app.openapi(revoke, async (c) => {
    await tokens.revoke(c.req.valid('param').id, { userId: c.var.user.id, address: clientAddress(c) });
    return c.body(null, 204);
  });
  return app;
}
