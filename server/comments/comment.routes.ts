import { createRoute, z } from '@hono/zod-openapi';
import {
  Comment,
  CommentId,
  CommentList,
  CommentQuery,
  CreateCommentRequest,
  DispositionRequest,
  EditCommentRequest,
  ReplyRequest,
} from '../../shared/api/comments.ts';
import { DraftId } from '../../shared/api/drafts.ts';
import { apiRouter } from '../http/api-env.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { CommentService } from './comment.service.ts';

const draft = z.object({ id: DraftId });
const one = z.object({ id: DraftId, commentId: CommentId });
const tags = ['comments'];
const refused = {
  400: errorResponse(
    'Empty (comment_empty), too long (comment_too_long), HTML (comment_html), a range that does not resolve (anchor_unresolved), a suggestion across paragraphs (suggestion_span)',
  ),
  403: errorResponse('The organisation is not invited (not_invited), or not the author'),
  404: errorResponse('No such draft or comment'),
  409: errorResponse(
    'The round is closed (round_closed), the organisation has submitted (org_submitted), or the comment is locked (comment_locked)',
  ),
};

const list = createRoute({
  method: 'get',
  path: '/{id}/comments',
  tags,
  summary: "Comments and replies in document order; commenters see their own organisation's",
  request: { params: draft, query: CommentQuery },
  responses: { 200: { description: 'Comments', ...json(CommentList) }, 404: errorResponse('No such draft') },
});
const create = createRoute({
  method: 'post',
  path: '/{id}/comments',
  tags,
  summary:
    'Comment on a range or a whole section, or suggest replacement text, for your invited organisation',
  request: { params: draft, body: { ...json(CreateCommentRequest), required: true } },
  responses: { 201: { description: 'The comment', ...json(Comment) }, ...refused },
});
const reply = createRoute({
  method: 'post',
  path: '/{id}/comments/{commentId}/replies',
  tags,
  summary: "A reply in a comment's thread",
  request: { params: one, body: { ...json(ReplyRequest), required: true } },
  responses: { 201: { description: 'The reply', ...json(Comment) }, ...refused },
});
const edit = createRoute({
  method: 'patch',
  path: '/{id}/comments/{commentId}',
  tags,
  summary: 'The author changes their comment until their organisation submits',
  request: { params: one, body: { ...json(EditCommentRequest), required: true } },
  responses: { 200: { description: 'The comment', ...json(Comment) }, ...refused },
});
const withdraw = createRoute({
  method: 'delete',
  path: '/{id}/comments/{commentId}',
  tags,
  summary: 'The author withdraws their comment until their organisation submits',
  request: { params: one },
  responses: { 204: { description: 'Withdrawn' }, ...refused },
});
const dispose = createRoute({
  method: 'put',
  path: '/{id}/comments/{commentId}/disposition',
  tags,
  summary:
    "The committee's answer (tiếp thu, tiếp thu một phần, giải trình, ghi nhận); accepting a suggestion applies it",
  request: { params: one, body: { ...json(DispositionRequest), required: true } },
  responses: {
    200: { description: 'The comment', ...json(Comment) },
    400: errorResponse('A reason is required for explained and partly'),
    403: errorResponse('Only the drafting committee answers'),
    404: errorResponse('No such draft or comment'),
    409: errorResponse('The suggested text is gone (comment_orphaned), or the draft is final'),
  },
});

/** `/api/drafts/{id}/comments…`. Mounted behind `requireUser`. */
export function commentRoutes(comments: CommentService) {
  const app = apiRouter();
  app.openapi(list, async (c) =>
    c.json(await comments.reader.list(c.var.user.id, c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(create, async (c) =>
    c.json(await comments.create(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(reply, async (c) => {
    const { id, commentId } = c.req.valid('param');
    return c.json(await comments.reply(c.var.user, id, commentId, c.req.valid('json').body), 201);
  });
  app.openapi(edit, async (c) => {
    const { id, commentId } = c.req.valid('param');
    return c.json(await comments.edit(c.var.user, id, commentId, c.req.valid('json')), 200);
  });
  app.openapi(withdraw, async (c) => {
    const { id, commentId } = c.req.valid('param');
    await comments.withdraw(c.var.user, id, commentId);
    return c.body(null, 204);
  });
  app.openapi(dispose, async (c) => {
    const { id, commentId } = c.req.valid('param');
    return c.json(await comments.dispose(c.var.user, id, commentId, c.req.valid('json')), 200);
  });
  return app;
}
