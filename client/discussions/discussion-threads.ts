import type { Discussion } from '../../shared/api/discussions.ts';

/** Where a thread stands: waiting for an answer, answered by someone else, or resolved. */
export type ThreadState = 'open' | 'answered' | 'resolved';

/** A thread: its first message and its replies, oldest first. */
export interface DiscussionThread {
  root: Discussion;
  replies: Discussion[];
  state: ThreadState;
}

/** Groups messages into threads (by id, i.e. the order they were started). */
export function toDiscussionThreads(messages: Iterable<Discussion>): DiscussionThread[] {
  const roots = new Map<number, DiscussionThread>();
  const replies: Discussion[] = [];
  for (const m of messages) {
    if (m.parentId === null) roots.set(m.id, { root: m, replies: [], state: 'open' });
    else replies.push(m);
  }
  for (const reply of replies.sort((a, b) => a.id - b.id)) roots.get(reply.parentId!)?.replies.push(reply);
  const threads = [...roots.values()].sort((a, b) => a.root.id - b.root.id);
  for (const t of threads) t.state = stateOf(t.root, t.replies);
  return threads;
}

/** Resolved; else answered once someone other than the author replied; else open. */
function stateOf(root: Discussion, replies: readonly Discussion[]): ThreadState {
  if (root.resolvedAt !== null) return 'resolved';
  return replies.some((r) => r.authorId !== root.authorId) ? 'answered' : 'open';
}

/**
 * The open thread after `current` in document order (`order`: thread ids as they appear in
 * the text), wrapping around; null when none is open.
 */
export function nextUnanswered(
  threads: readonly DiscussionThread[],
  order: readonly number[],
  current: number | null,
): number | null {
  const open = new Set(threads.filter((t) => t.state === 'open').map((t) => t.root.id));
  const ids = order.filter((id) => open.has(id));
  if (ids.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  // The first open thread after the current one's place; else the first of all.
  return ids.find((id) => order.indexOf(id) > at) ?? ids[0]!;
}
