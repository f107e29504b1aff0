import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SavedGroup } from './revision-rollup.ts';
import type { RevisionGroupTable, RevisionReportRow } from './revision-log.table.ts';

/** The saved groups of a round with their members, oldest first. */
export async function listSavedGroups(db: Kysely<Database>, roundId: number): Promise<SavedGroup[]> {
  const [rows, members] = await Promise.all([
    db.selectFrom('revision_groups').selectAll().where('round_id', '=', roundId).orderBy('id').execute(),
    db
      .selectFrom('revision_group_members as m')
      .innerJoin('revision_groups as g', 'g.id', 'm.group_id')
      .select(['m.group_id', 'm.comment_id'])
      .where('g.round_id', '=', roundId)
      .orderBy('m.comment_id')
      .execute(),
  ]);
  const byGroup = new Map<number, number[]>(rows.map((r) => [r.id, []]));
  for (const m of members) byGroup.get(m.group_id)?.push(m.comment_id);
  return rows.map((row) => ({ row, commentIds: byGroup.get(row.id) ?? [] }));
}

/**
 * Saves `commentIds` as a new group of the round: they leave the groups they were in, and
 * groups left empty are removed. One transaction, so readers never see a comment twice.
 */
export async function insertGroup(
  db: Kysely<Database>,
  group: {
    roundId: number;
    sectionId: string | null;
    userId: number;
    commentIds: readonly number[];
    at: number;
  },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('revision_group_members')
      .select('group_id')
      .distinct()
      .where('comment_id', 'in', group.commentIds)
      .execute();
    await tx.deleteFrom('revision_group_members').where('comment_id', 'in', group.commentIds).execute();
    const { id } = await tx
      .insertInto('revision_groups')
      .values({
        round_id: group.roundId,
        section_id: group.sectionId,
        summary: '',
        disposition: null,
        answer: '',
        updated_by: group.userId,
        updated_at: group.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('revision_group_members')
      .values(group.commentIds.map((comment_id) => ({ comment_id, group_id: id })))
      .execute();
    const emptied = before.map((b) => b.group_id);
    if (emptied.length > 0)
      await tx
        .deleteFrom('revision_groups')
        .where('id', 'in', emptied)
        .where('id', 'not in', tx.selectFrom('revision_group_members').select('group_id'))
        .execute();
    return id;
  });
}

/** A saved group of a round, or undefined. */
export async function findGroup(db: Kysely<Database>, roundId: number, id: number) {
  return db
    .selectFrom('revision_groups')
    .selectAll()
    .where('id', '=', id)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

/** Changes a saved group's wording or answer. */
export async function updateGroup(
  db: Kysely<Database>,
  id: number,
  changes: Updateable<RevisionGroupTable>,
): Promise<void> {
  await db.updateTable('revision_groups').set(changes).where('id', '=', id).execute();
}

/** Dissolves a saved group: its comments go back to automatic grouping. */
export async function deleteGroup(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('revision_groups').where('id', '=', id).execute();
}

/** Comment ids of a saved group. */
export async function groupMembers(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('revision_group_members')
    .select('comment_id')
    .where('group_id', '=', id)
    .execute();
  return rows.map((r) => r.comment_id);
}

/** The stored narrative report of a round, or undefined. */
export async function findReport(
  db: Kysely<Database>,
  roundId: number,
): Promise<RevisionReportRow | undefined> {
  return db.selectFrom('revision_reports').selectAll().where('round_id', '=', roundId).executeTakeFirst();
}

/** Stores the edited report (empty text removes it: back to the generated one). */
export async function saveReport(
  db: Kysely<Database>,
  roundId: number,
  text: string,
  userId: number,
  at: number,
): Promise<void> {
  if (text.trim() === '') {
    await db.deleteFrom('revision_reports').where('round_id', '=', roundId).execute();
    return;
  }
  await db
    .insertInto('revision_reports')
    .values({ round_id: roundId, text, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('round_id').doUpdateSet({ text, updated_by: userId, updated_at: at }))
    .execute();
}
