import { createRoute } from '@hono/zod-openapi';
import { AuditPage, AuditQuery } from '../../shared/api/audit.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse as error, json } from '../http/openapi-helpers.ts';
import type { AuditService } from './audit.service.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary: 'The audit log, newest first (bloc admins only)',
  request: { query: AuditQuery },
  responses: {
    200: { description: 'A page of entries', ...json(AuditPage) },
    400: error('Malformed query'),
    401: error('Not signed in'),
    403: error('Not an admin of the bloc'),
  },
});

/** `/api/audit`: reading the audit log. Mounted behind `requireUser`. */
export function auditRoutes(audit: AuditService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await audit.list(c.var.user.id, c.req.valid('query')), 200));
  return app;
}
