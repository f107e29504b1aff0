import { z } from '@hono/zod-openapi';
import { DiscussionEvent } from '../../shared/api/discussions.ts';
import { DraftId } from '../../shared/api/drafts.ts';
import { AssignmentsEvent, CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import { DraftProgress } from '../../shared/api/progress.ts';
import type { CommentReader } from '../comments/comment.reader.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { StreamWatch } from '../access/socket-access-watch.ts';
import { sseFrom } from '../events/sse.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse } from '../http/openapi-helpers.ts';
import type { DraftProgressService } from './draft-progress.service.ts';

/**
 * `GET /api/drafts/{id}/events`: server-sent events for open pages: `progress` (now and
 * after changes of the text), `comment` and `round`. A commenter receives only their own
 * organisation's comments. Mounted behind `requireUser`.
 */
export function draftEventRoutes(deps: {
  progress: DraftProgressService;
  events: EventHub<string>;
  comments: CommentReader;
  /** Ends streams whose session ended or whose access to the draft was lost. */
  watch: StreamWatch;
}) {
  const app = apiRouter();
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/{id}/events',
    tags: ['drafts'],
    summary:
      'Server-sent events: `progress` (DraftProgress) now and after each change of the text; `comment` (CommentEvent); `round` (RoundEvent); `assignments` (AssignmentsEvent); `discussion` (DiscussionEvent, to the committee only)',
    request: { params: z.object({ id: DraftId }) },
    responses: {
      200: {
        description: 'An event stream',
        content: {
          'text/event-stream': {
            schema: z.union([DraftProgress, CommentEvent, RoundEvent, AssignmentsEvent, DiscussionEvent]),
          },
        },
      },
      404: errorResponse('No such draft'),
    },
  });
  app.get('/:id/events', async (c) => {
    const id = DraftId.parse(c.req.param('id'));
    const userId = c.var.user.id;
    return sseFrom(
      c,
      async (deliver) => {
        // Both check access first, so a refusal is a plain 404.
        const stopProgress = await deps.progress.watch(userId, id, (p) =>
          deliver({ name: 'progress', data: JSON.stringify(p) }),
        );
        const scope = await deps.comments.scope(userId, id).catch((error: unknown) => {
          stopProgress();
          throw error;
        });
        const stopEvents = deps.events.subscribe(id, { orgs: scope.orgs, deliver });
        return () => {
          stopProgress();
          stopEvents();
        };
      },
      (end) => deps.watch({ end }, { principal: c.var.principal!, draftId: id, access: null }),
    );
  });
  return app;
}
