import { createRoute, z } from '@hono/zod-openapi';
import { DraftId } from '../../shared/api/drafts.ts';
import { SnapshotList } from '../../shared/api/versions.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { AutoHistory } from './auto-history.ts';

const list = createRoute({
  method: 'get',
  path: '/{id}/snapshots',
  tags: ['versions'],
  summary: 'Automatic snapshots taken while people edited (apart from the numbered versions)',
  request: { params: z.object({ id: DraftId }) },
  responses: {
    200: { description: 'Snapshots', ...json(SnapshotList) },
    404: errorResponse('No such draft'),
  },
});

/** `/api/drafts/{id}/snapshots`. Mounted behind `requireUser`. */
export function snapshotRoutes(history: AutoHistory) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await history.list(c.var.user.id, c.req.valid('param').id), 200));
  return app;
}
