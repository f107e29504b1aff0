import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateDiscussionRequest,
  Discussion,
  DiscussionId,
  DiscussionList,
  DiscussionMembers,
  DiscussionReplyRequest,
  ResolveDiscussionRequest,
} from '../../shared/api/discussions.ts';
import { DraftId } from '../../shared/api/drafts.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { DiscussionService } from './discussion.service.ts';

const tags = ['discussions'];
const draft = z.object({ id: DraftId });
const one = z.object({ id: DraftId, discussionId: DiscussionId });
const forbidden = errorResponse('Not of the drafting committee (commenters never see internal threads)');
const notFound = errorResponse('No such draft (discussion_not_found: no such thread)');
const refused = {
  400: errorResponse(
    'Empty (comment_empty), too long (comment_too_long), HTML (comment_html), words no longer in the draft (anchor_unresolved), a mention of someone outside the committee (mention_invalid)',
  ),
  403: forbidden,
  404: notFound,
  409: errorResponse('The draft is final (draft_final)'),
};

const list = createRoute({
  method: 'get',
  path: '/{id}/discussions',
  tags,
  summary: "The drafting committee's internal threads, each followed by its replies",
  request: { params: draft },
  responses: { 200: { description: 'Threads', ...json(DiscussionList) }, 403: forbidden, 404: notFound },
});
const members = createRoute({
  method: 'get',
  path: '/{id}/discussions/members',
  tags,
  summary: 'Who may be @mentioned: the drafters and the secretary of the draft’s unit',
  request: { params: draft },
  responses: { 200: { description: 'Members', ...json(DiscussionMembers) }, 403: forbidden, 404: notFound },
});
const create = createRoute({
  method: 'post',
  path: '/{id}/discussions',
  tags,
  summary: 'Start an internal thread on words of the draft; mentioned members are notified',
  request: { params: draft, body: { ...json(CreateDiscussionRequest), required: true } },
  responses: { 201: { description: 'The thread', ...json(Discussion) }, ...refused },
});
const reply = createRoute({
  method: 'post',
  path: '/{id}/discussions/{discussionId}/replies',
  tags,
  summary: 'Reply in an internal thread; mentioned members are notified',
  request: { params: one, body: { ...json(DiscussionReplyRequest), required: true } },
  responses: { 201: { description: 'The reply', ...json(Discussion) }, ...refused },
});
const resolve = createRoute({
  method: 'put',
  path: '/{id}/discussions/{discussionId}/resolved',
  tags,
  summary: 'Resolve an internal thread, or open it again',
  request: { params: one, body: { ...json(ResolveDiscussionRequest), required: true } },
  responses: { 200: { description: 'The thread', ...json(Discussion) }, ...refused },
});

/** `/api/drafts/{id}/discussions…`. Mounted behind `requireUser`. */
export function discussionRoutes(discussions: DiscussionService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await discussions.list(c.var.user.id, c.req.valid('param').id), 200));
  app.openapi(members, async (c) =>
    c.json(await discussions.members(c.var.user.id, c.req.valid('param').id), 200),
  );
  app.openapi(create, async (c) =>
    c.json(await discussions.create(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(reply, async (c) => {
    const { id, discussionId } = c.req.valid('param');
    return c.json(await discussions.reply(c.var.user, id, discussionId, c.req.valid('json')), 201);
  });
  app.openapi(resolve, async (c) => {
    const { id, discussionId } = c.req.valid('param');
    return c.json(await discussions.resolve(c.var.user, id, discussionId, c.req.valid('json').resolved), 200);
  });
  return app;
}
