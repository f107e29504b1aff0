import type { Comment } from '../../shared/api/comments.ts';

/** A comment or suggestion with its replies, oldest first. */
export interface CommentThread {
  root: Comment;
  replies: Comment[];
}

/** Threads in the order the comments come (the server's document order), replies oldest first. */
export function toThreads(comments: Iterable<Comment>): CommentThread[] {
  const replies = new Map<number, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of comments) {
    if (comment.parentId === null) roots.push(comment);
    else replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
  }
  return roots.map((root) => ({
    root,
    replies: (replies.get(root.id) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }));
}
