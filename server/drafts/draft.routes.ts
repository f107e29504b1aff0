import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateDraftRequest,
  Draft,
  DraftId,
  DraftList,
  UpdateDraftRequest,
} from '../../shared/api/drafts.ts';
import { DraftProgress } from '../../shared/api/progress.ts';
import { apiRouter } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { DraftProgressService } from './draft-progress.service.ts';
import type { DraftService } from './draft.service.ts';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['drafts'],
  summary:
    'Drafts the caller may open, with their access (edit, comment, read); ?archived=true lists archived ones',
  request: { query: z.object({ archived: z.enum(['true', 'false']).optional() }) },
  responses: { 200: { description: 'Drafts', ...json(DraftList) }, 401: errorResponse('Not signed in') },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['drafts'],
  summary:
    'Create a draft from a template (seeded with its section headings), of an organisation the caller drafts for',
  request: { body: { ...json(CreateDraftRequest), required: true } },
  responses: {
    201: { description: 'Created', ...json(Draft) },
    400: errorResponse('Malformed body'),
    403: errorResponse('Not a drafter or secretary of that organisation'),
    404: errorResponse('No such template or template version'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['drafts'],
  summary: 'Rename, change status (drafting → consultation → final), archive, or edit the header',
  request: { params: z.object({ id: DraftId }), body: { ...json(UpdateDraftRequest), required: true } },
  responses: {
    200: { description: 'The updated draft', ...json(Draft) },
    400: errorResponse('A field out of bounds'),
    403: errorResponse('Only the drafting committee changes a draft'),
    404: errorResponse('No such draft'),
    409: errorResponse('The draft is final, or a status step was skipped'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['drafts'],
  summary: 'One draft; 404 both when it does not exist and when the caller may not see it',
  request: { params: z.object({ id: DraftId }) },
  responses: { 200: { description: 'The draft', ...json(Draft) }, 404: errorResponse('No such draft') },
});

const sectionProgress = createRoute({
  method: 'get',
  path: '/{id}/progress',
  tags: ['drafts'],
  summary:
    "Each outline section's state (empty, writing, written, missing) and word count, from the live text",
  request: { params: z.object({ id: DraftId }) },
  responses: {
    200: { description: 'Progress', ...json(DraftProgress) },
    404: errorResponse('No such draft'),
  },
});

/** `/api/drafts` and `/api/drafts/{id}/progress`. Mounted behind `requireUser`. */
export function draftRoutes(drafts: DraftService, progress: DraftProgressService) {
  const app = apiRouter();
  app.openapi(list, async (c) =>
    c.json(
      { drafts: await drafts.list(c.var.user.id, { archived: c.req.valid('query').archived === 'true' }) },
      200,
    ),
  );
  app.openapi(create, async (c) => c.json(await drafts.create(c.var.user, c.req.valid('json')), 201));
  app.openapi(get, async (c) => c.json(await drafts.get(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(update, async (c) =>
    c.json(
      await drafts.update(c.var.user.id, c.req.valid('param').id, c.req.valid('json'), clientAddress(c)),
      200,
    ),
  );
  app.openapi(sectionProgress, async (c) =>
    c.json(await progress.get(c.var.user.id, c.req.valid('param').id), 200),
  );
  return app;
}
