import { createRoute, z } from '@hono/zod-openapi';
import { DraftId } from '../../shared/api/drafts.ts';
import {
  HistoryDiff,
  HistoryPoint,
  NameSnapshotRequest,
  SnapshotList,
  VersionSummary,
} from '../../shared/api/versions.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { AutoHistory } from './auto-history.ts';
import type { HistoryService } from './history.service.ts';

const draft = z.object({ id: DraftId });

const list = createRoute({
  method: 'get',
  path: '/{id}/snapshots',
  tags: ['versions'],
  summary: 'Automatic snapshots taken while people edited (apart from the numbered versions)',
  request: { params: draft },
  responses: {
    200: { description: 'Snapshots', ...json(SnapshotList) },
    404: errorResponse('No such draft'),
  },
});

const name = createRoute({
  method: 'post',
  path: '/{id}/snapshots/{snapshotId}/name',
  tags: ['versions'],
  summary: 'Freeze an automatic snapshot (the text as it was then) as the next "Dự thảo lần N"',
  request: {
    params: z.object({ id: DraftId, snapshotId: z.coerce.number().int().min(1) }),
    body: { ...json(NameSnapshotRequest), required: true },
  },
  responses: {
    201: { description: 'The new version', ...json(VersionSummary) },
    403: errorResponse('Only the drafting committee names snapshots'),
    404: errorResponse('No such draft (draft_not_found) or snapshot (snapshot_not_found)'),
    409: errorResponse('The last version already has this text (no_changes), or the draft is final'),
  },
});

const diff = createRoute({
  method: 'get',
  path: '/{id}/history/diff',
  tags: ['versions'],
  summary:
    'Section-by-section word changes between any two points (vN version, sN snapshot, live), added words with who typed them',
  request: { params: draft, query: z.object({ from: HistoryPoint, to: HistoryPoint }) },
  responses: {
    200: { description: 'The diff', ...json(HistoryDiff) },
    404: errorResponse('No such draft, version or snapshot'),
  },
});

/** `/api/drafts/{id}/snapshots…` and `/api/drafts/{id}/history/diff`. Mounted behind `requireUser`. */
export function snapshotRoutes(history: AutoHistory, timeline: HistoryService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await history.list(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(name, async (c) => {
    const { id, snapshotId } = c.req.valid('param');
    return c.json(await timeline.name(c.var.user, id, snapshotId, c.req.valid('json').note), 201);
  });
  app.openapi(diff, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await timeline.diff(c.var.user.id, c.req.valid('param').id, from, to), 200);
  });
  return app;
}
