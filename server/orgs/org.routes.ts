import { createRoute } from '@hono/zod-openapi';
import { OrgList } from '../../shared/api/orgs.ts';
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

/** `/api/orgs`. Mounted behind `requireUser`. */
export function orgRoutes(
  orgs: OrgService,
  grantsOf: (userId: number) => Promise<{ orgId: number; role: string }[]>,
) {
  const app = apiRouter();
  app.openapi(list, async (c) => {
    const user = c.var.user;
    return c.json({ orgs: await orgs.visibleTo(user.orgId, await grantsOf(user.id)) }, 200);
  });
  return app;
}
