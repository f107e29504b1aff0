import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { DraftId } from '../../shared/api/drafts.ts';
import { DraftProgress } from '../../shared/api/progress.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse } from '../http/openapi-helpers.ts';
import type { DraftProgressService } from './draft-progress.service.ts';

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * `GET /api/drafts/{id}/events`: server-sent events for open pages. Today: `progress`
 * (the section progress, at once and after changes). Mounted behind `requireUser`.
 */
export function draftEventRoutes(progress: DraftProgressService) {
  const app = apiRouter();
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/{id}/events',
    tags: ['drafts'],
    summary: 'Server-sent events: `progress` (DraftProgress JSON) now and after each change of the text',
    request: { params: z.object({ id: DraftId }) },
    responses: {
      200: { description: 'An event stream', content: { 'text/event-stream': { schema: DraftProgress } } },
      404: errorResponse('No such draft'),
    },
  });
  app.get('/:id/events', async (c) => {
    const id = DraftId.parse(c.req.param('id'));
    const userId = c.var.user.id;
    // Subscribe (and check access) before the stream starts, so a refusal is a plain 404.
    const pending: DraftProgress[] = [];
    let push: ((p: DraftProgress) => void) | null = null;
    const unsubscribe = await progress.watch(userId, id, (p) => (push === null ? pending.push(p) : push(p)));
    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
      });
      const send = (p: DraftProgress) => {
        if (!closed) void stream.writeSSE({ event: 'progress', data: JSON.stringify(p) });
      };
      push = send;
      for (const p of pending.splice(0)) send(p);
      while (!closed) {
        await stream.sleep(KEEPALIVE_MS);
        if (!closed) await stream.write(': keepalive\n\n');
      }
    });
  });
  return app;
}
