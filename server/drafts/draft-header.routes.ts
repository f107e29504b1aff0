import { createRoute, z } from '@hono/zod-openapi';
import {
  DraftHeader,
  DraftHeaderState,
  DraftStatusLog,
  ReopenDraftRequest,
} from '../../shared/api/draft-header.ts';
import { Draft, DraftId } from '../../shared/api/drafts.ts';
import { apiRouter } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { DraftHeaderService } from './draft-header.service.ts';

const params = z.object({ id: DraftId });
const notFound = errorResponse('No such draft');

const get = createRoute({
  method: 'get',
  path: '/{id}/header',
  tags: ['drafts'],
  summary:
    'The header fields (thể thức), the required ones still empty, and whether the caller may change them',
  request: { params },
  responses: { 200: { description: 'The header', ...json(DraftHeaderState) }, 404: notFound },
});

const put = createRoute({
  method: 'put',
  path: '/{id}/header',
  tags: ['drafts'],
  summary: 'Replace the header fields (a field left out is cleared); the drafting committee, while not final',
  request: { params, body: { ...json(DraftHeader), required: true } },
  responses: {
    200: { description: 'The header now', ...json(DraftHeaderState) },
    400: errorResponse('A field out of bounds; `fields` names them'),
    403: errorResponse('Only the drafting committee changes the header'),
    404: notFound,
    409: errorResponse('The draft is final'),
  },
});

const reopen = createRoute({
  method: 'post',
  path: '/{id}/reopen',
  tags: ['drafts'],
  summary: 'Take a final draft back to drafting (the secretary), with the reason kept in its history',
  request: { params, body: { ...json(ReopenDraftRequest), required: true } },
  responses: {
    200: { description: 'The draft', ...json(Draft) },
    400: errorResponse('No reason given'),
    403: errorResponse('Only the secretary reopens'),
    404: notFound,
    409: errorResponse('The draft is not final'),
  },
});

const log = createRoute({
  method: 'get',
  path: '/{id}/status-log',
  tags: ['drafts'],
  summary: 'Status changes of the draft, newest first, with who made them and why',
  request: { params },
  responses: { 200: { description: 'The changes', ...json(DraftStatusLog) }, 404: notFound },
});

/** `/api/drafts/{id}/header`, `/reopen` and `/status-log`. Mounted behind `requireUser`. */
export function draftHeaderRoutes(headers: DraftHeaderService) {
  const app = apiRouter();
  app.openapi(get, async (c) => c.json(await headers.get(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(put, async (c) =>
    c.json(await headers.put(c.var.user.id, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(reopen, async (c) =>
    c.json(
      await headers.reopen(
        c.var.user.id,
        c.req.valid('param').id,
        c.req.valid('json').reason,
        clientAddress(c),
      ),
      200,
    ),
  );
  app.openapi(log, async (c) =>
    c.json({ changes: await headers.log(c.var.user.id, c.req.valid('param').id) }, 200),
  );
  return app;
}
