import type { Discussion } from '../../shared/api/discussions.ts';
import { anchorOf } from '../comments/comment.view.ts';
import type { DiscussionRow } from './discussion.table.ts';

/** The user ids a stored message mentions. */
export function mentionsOf(row: DiscussionRow): number[] {
  try {
    const ids: unknown = JSON.parse(row.mentions);
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  } catch {
    return [];
  }
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

/** A message as the API shows it, with names looked up by the caller. */
export function toDiscussion(
  row: DiscussionRow,
  names: ReadonlyMap<number, string>,
  orphaned: boolean,
): Discussion {
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    id: row.id,
    draftId: row.draft_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: name(row.author_id),
    body: row.body,
    mentions: mentionsOf(row).map((id) => ({ id, name: names.get(id) ?? '' })),
    anchor: anchorOf(row),
    orphaned,
    createdAt: iso(row.created_at),
    resolvedAt: row.resolved_at === null ? null : iso(row.resolved_at),
    resolvedByName: name(row.resolved_by),
  };
}
