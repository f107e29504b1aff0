import { createRoute } from '@hono/zod-openapi';
import { Org, OrgList } from '../../shared/api/orgs.ts';
import { CreateOrgRequest } from '../../shared/api/users.ts';
import type { UserAdminService } from '../users/user-admin.service.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { OrgService } from './org.service.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['orgs'],
  summary: 'Organisations the caller may see (own, with roles, and below those they administer)',
  responses: { 200: { description: 'Organisations', ...json(OrgList) }, 401: errorResponse('Not signed in') },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['orgs'],
  summary: 'Add an organisation under one the caller administers',
  request: { body: { ...json(CreateOrgRequest), required: true } },
  responses: {
    201: { description: 'Created', ...json(Org) },
    400: errorResponse('Malformed input, or a kind that cannot sit under that parent'),
    403: errorResponse('Not an administrator of the parent'),
  },
});

/** `/api/orgs`. Mounted behind `requireUser`. */
export function orgRoutes(
  orgs: OrgService,
  grantsOf: (userId: number) => Promise<{ orgId: number; role: string }[]>,
  admin: UserAdminService,
) {
  const app = apiRouter();
  app.openapi(create, async (c) => c.json(await admin.createOrg(c.var.user.id, c.req.valid('json')), 201));
  app.openapi(list, async (c) => {
    const user = c.var.user;
    return c.json({ orgs: await orgs.visibleTo(user.orgId, await grantsOf(user.id)) }, 200);
  });
  return app;
}
