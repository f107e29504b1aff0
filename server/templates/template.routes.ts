import { createRoute, z } from '@hono/zod-openapi';
import { TemplateDetail, TemplateList, TemplateSummary } from '../../shared/api/templates.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { TemplateService } from './template.service.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['templates'],
  summary: 'Outline templates (newest version of each)',
  responses: {
    200: { description: 'Templates', ...json(TemplateList) },
    401: errorResponse('Not signed in'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['templates'],
  summary: 'One template in full (newest version, or ?version=N)',
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  },
  responses: {
    200: { description: 'The template', ...json(TemplateDetail) },
    404: errorResponse('No such template'),
  },
});

const importTemplate = createRoute({
  method: 'post',
  path: '/',
  tags: ['templates'],
  summary: 'Import a template or a newer version of one (bloc administrators)',
  request: { body: { content: { 'application/json': { schema: z.unknown() } }, required: true } },
  responses: {
    201: { description: 'Imported', ...json(TemplateSummary) },
    400: errorResponse('Malformed template: the message names the field at fault'),
    403: errorResponse('Not a bloc administrator'),
    409: errorResponse('That version (or a newer one) exists'),
  },
});

/** `/api/templates`. Mounted behind `requireUser`. */
export function templateRoutes(templates: TemplateService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json({ templates: await templates.list() }, 200));
  app.openapi(get, async (c) =>
    c.json(await templates.get(c.req.valid('param').id, c.req.valid('query').version), 200),
  );
  app.openapi(importTemplate, async (c) =>
    c.json(await templates.import(c.var.user.id, JSON.stringify(c.req.valid('json')), 'request body'), 201),
  );
  return app;
}
