import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { OrgCounts } from '../rounds/round.view.ts';
import type { CommentRow, CommentTable } from './comment.table.ts';

/** Stores a comment; returns it as stored. */
export async function insertComment(
  db: Kysely<Database>,
  row: Insertable<CommentTable>,
): Promise<CommentRow> {
  return db.insertInto('comments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A comment of a draft by id, or undefined. */
export async function findComment(
  db: Kysely<Database>,
  draftId: string,
  id: number,
): Promise<CommentRow | undefined> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id)
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
}

/** Every comment and reply of a draft not withdrawn, oldest first (optionally of one round). */
export async function listComments(
  db: Kysely<Database>,
  draftId: string,
  roundId?: number,
): Promise<CommentRow[]> {
  let query = db
    .selectFrom('comments')
    .selectAll()
    .where('draft_id', '=', draftId)
    .where('withdrawn_at', 'is', null);
  if (roundId !== undefined) query = query.where('round_id', '=', roundId);
  return query.orderBy('id').execute();
}

/** Changes a comment; returns it as stored. */
export async function updateComment(
  db: Kysely<Database>,
  id: number,
  changes: Partial<Omit<CommentRow, 'id' | 'draft_id' | 'round_id' | 'org_id'>>,
): Promise<CommentRow> {
  return db
    .updateTable('comments')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Comments and answered comments (replies and withdrawn ones not counted) per round and organisation. */
export async function countByOrg(
  db: Kysely<Database>,
  roundIds: readonly number[],
): Promise<Map<number, Map<number, OrgCounts>>> {
  const counts = new Map<number, Map<number, OrgCounts>>();
  if (roundIds.length === 0) return counts;
  const rows = await db
    .selectFrom('comments')
    .select((eb) => [
      'round_id',
      'org_id',
      eb.fn.countAll<number>().as('comments'),
      eb.fn.count<number>('disposition').as('answered'),
    ])
    .where('round_id', 'in', roundIds)
    .where('parent_id', 'is', null)
    .where('withdrawn_at', 'is', null)
    .groupBy(['round_id', 'org_id'])
    .execute();
  for (const row of rows) {
    let byOrg: Map<number, OrgCounts> | undefined = counts.get(row.round_id);
    if (byOrg === undefined) counts.set(row.round_id, (byOrg = new Map<number, OrgCounts>()));
    byOrg.set(row.org_id, { comments: Number(row.comments), answered: Number(row.answered) });
  }
  return counts;
}
