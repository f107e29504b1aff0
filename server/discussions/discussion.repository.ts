import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DiscussionRow, DiscussionTable } from './discussion.table.ts';

/** Stores a thread or reply; returns it as stored. */
export function insertDiscussion(
  db: Kysely<Database>,
  row: Insertable<DiscussionTable>,
): Promise<DiscussionRow> {
  return db.insertInto('discussions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A message of a draft by id, or undefined. */
export function findDiscussion(
  db: Kysely<Database>,
  draftId: string,
  id: number,
): Promise<DiscussionRow | undefined> {
  return db
    .selectFrom('discussions')
    .selectAll()
    .where('id', '=', id)
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
}

/** Every thread and reply of a draft, oldest first. */
export function listDiscussions(db: Kysely<Database>, draftId: string): Promise<DiscussionRow[]> {
  return db.selectFrom('discussions').selectAll().where('draft_id', '=', draftId).orderBy('id').execute();
}

/** Marks a thread resolved (by `userId`) or open again (null); returns it as stored. */
export function setResolved(
  db: Kysely<Database>,
  id: number,
  resolved: { at: number; by: number } | null,
): Promise<DiscussionRow> {
  return db
    .updateTable('discussions')
    .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
