import { z } from 'zod';
import {
  Comment,
  CommentList,
  type CreateCommentRequest,
  type DispositionRequest,
  type EditCommentRequest,
} from '../../shared/api/comments.ts';
import { apiPath, request } from '../api/api-client.ts';

const comments = (draftId: string, ...rest: (string | number)[]) =>
  apiPath(['drafts', draftId, 'comments', ...rest]);

/** The draft's comments the caller may read, with replies and answers. */
export function listComments(draftId: string): Promise<CommentList> {
  return request(comments(draftId), CommentList);
}

/** Posts a comment or a suggestion on a passage. */
export function createComment(draftId: string, body: CreateCommentRequest): Promise<Comment> {
  return request(comments(draftId), Comment, { body });
}

/** The author changes their text. */
export function editComment(draftId: string, commentId: number, body: EditCommentRequest): Promise<Comment> {
  return request(comments(draftId, commentId), Comment, { method: 'PATCH', body });
}

/** Replies in a comment's thread. */
export function replyToComment(draftId: string, commentId: number, text: string): Promise<Comment> {
  return request(comments(draftId, commentId, 'replies'), Comment, { body: { body: text } });
}

/** The author withdraws a comment not yet sent. */
export async function withdrawComment(draftId: string, commentId: number): Promise<void> {
  await request(comments(draftId, commentId), z.undefined(), { method: 'DELETE' });
}

/** The committee's answer to a comment. */
export function answerComment(
  draftId: string,
  commentId: number,
  body: DispositionRequest,
): Promise<Comment> {
  return request(comments(draftId, commentId, 'disposition'), Comment, { method: 'PUT', body });
}
