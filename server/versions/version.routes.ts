import { createRoute, z } from '@hono/zod-openapi';
import { DraftId } from '../../shared/api/drafts.ts';
import {
  FreezeRequest,
  VersionDetail,
  VersionDiff,
  VersionList,
  VersionSummary,
} from '../../shared/api/versions.ts';
import { apiRouter } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { VersionService } from './version.service.ts';

const draft = z.object({ id: DraftId });
const numbered = z.object({ id: DraftId, number: z.coerce.number().int().min(1) });
const notFound = errorResponse('No such draft or version');

const freeze = createRoute({
  method: 'post',
  path: '/{id}/versions',
  tags: ['versions'],
  summary: 'Freeze the current text as the next "Dự thảo lần N"',
  request: { params: draft, body: { ...json(FreezeRequest), required: true } },
  responses: {
    201: { description: 'Frozen', ...json(VersionSummary) },
    403: errorResponse('Only the drafting committee freezes versions'),
    404: notFound,
    409: errorResponse('Nothing changed since the last version (no_changes), or the draft is final'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags: ['versions'],
  summary: 'Numbered versions and the record of restores',
  request: { params: draft },
  responses: { 200: { description: 'Versions', ...json(VersionList) }, 404: notFound },
});

const diff = createRoute({
  method: 'get',
  path: '/{id}/versions/diff',
  tags: ['versions'],
  summary: 'Section-by-section, word-level changes between two versions',
  request: {
    params: draft,
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  },
  responses: { 200: { description: 'The diff', ...json(VersionDiff) }, 404: notFound },
});

const get = createRoute({
  method: 'get',
  path: '/{id}/versions/{number}',
  tags: ['versions'],
  summary: 'One version with its text (read-only)',
  request: { params: numbered },
  responses: { 200: { description: 'The version', ...json(VersionDetail) }, 404: notFound },
});

const restore = createRoute({
  method: 'post',
  path: '/{id}/versions/{number}/restore',
  tags: ['versions'],
  summary: 'Bring back a version as a new edit that every open editor receives live',
  request: { params: numbered },
  responses: {
    204: { description: 'Restored' },
    403: errorResponse('Only the drafting committee restores'),
    404: notFound,
    409: errorResponse('The draft is final'),
  },
});

const state = createRoute({
  method: 'get',
  path: '/{id}/versions/{number}/state',
  tags: ['versions'],
  summary:
    'The Yjs state of a version (Y.encodeStateAsUpdate): what invited organisations read and comment on during a round',
  request: { params: numbered },
  responses: {
    200: {
      description: 'The Yjs update',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
    404: notFound,
  },
});

/** `/api/drafts/{id}/versions…`. Mounted behind `requireUser`. */
export function versionRoutes(versions: VersionService) {
  const app = apiRouter();
  app.openapi(freeze, async (c) =>
    c.json(await versions.freeze(c.var.user, c.req.valid('param').id, c.req.valid('json').note), 201),
  );
  app.openapi(list, async (c) => c.json(await versions.list(c.var.user.id, c.req.valid('param').id), 200));
  // Before `{number}`, which would otherwise claim "diff".
  app.openapi(diff, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await versions.diff(c.var.user.id, c.req.valid('param').id, from, to), 200);
  });
  app.openapi(get, async (c) => {
    const { id, number } = c.req.valid('param');
    return c.json(await versions.get(c.var.user.id, id, number), 200);
  });
  app.openapi(state, async (c) => {
    const { id, number } = c.req.valid('param');
    const bytes = await versions.readState(c.var.user.id, id, number);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/octet-stream',
      // A version never changes once frozen.
      'cache-control': 'private, max-age=31536000, immutable',
    });
  });
  app.openapi(restore, async (c) => {
    const { id, number } = c.req.valid('param');
    await versions.restore(c.var.user, id, number, clientAddress(c));
    return c.body(null, 204);
  });
  return app;
}
