import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { InvitationRow, RoundRow } from './round.table.ts';

/** Stores a round and its invitations in one transaction; returns the round's id. */
export async function insertRound(
  db: Kysely<Database>,
  round: Omit<RoundRow, 'id'>,
  orgIds: readonly number[],
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx.insertInto('rounds').values(round).returning('id').executeTakeFirstOrThrow();
    // SQLite caps bound parameters per statement; 2 per row, so 400 rows a statement is safe.
    for (let at = 0; at < orgIds.length; at += 400)
      await tx
        .insertInto('round_invitations')
        .values(orgIds.slice(at, at + 400).map((org_id) => ({ round_id: id, org_id })))
        .execute();
    return id;
  });
}

/** A round by id, or undefined. */
export async function findRound(db: Kysely<Database>, id: number): Promise<RoundRow | undefined> {
  return db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A draft's rounds, newest first. */
export async function listDraftRounds(db: Kysely<Database>, draftId: string): Promise<RoundRow[]> {
  return db.selectFrom('rounds').selectAll().where('draft_id', '=', draftId).orderBy('id', 'desc').execute();
}

/** The rounds of these drafts, newest first. */
export async function listRoundsOfDrafts(
  db: Kysely<Database>,
  draftIds: readonly string[],
): Promise<RoundRow[]> {
  if (draftIds.length === 0) return [];
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('draft_id', 'in', draftIds)
    .orderBy('id', 'desc')
    .execute();
}

/** Rounds inviting any of these organisations, with the invited organisation. */
export async function listRoundsInviting(
  db: Kysely<Database>,
  orgIds: readonly number[],
): Promise<(RoundRow & { org_id: number })[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('round_invitations as i')
    .innerJoin('rounds as r', 'r.id', 'i.round_id')
    .selectAll('r')
    .select('i.org_id')
    .where('i.org_id', 'in', orgIds)
    .orderBy('r.id', 'desc')
    .execute();
}

/** Changes a round. */
export async function updateRound(
  db: Kysely<Database>,
  id: number,
  changes: Partial<Pick<RoundRow, 'deadline' | 'status' | 'closed_reason' | 'closed_at'>>,
): Promise<void> {
  await db.updateTable('rounds').set(changes).where('id', '=', id).execute();
}

/** Open rounds whose deadline is at or before `now`. */
export async function listExpiredOpenRounds(db: Kysely<Database>, now: number): Promise<RoundRow[]> {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('status', '=', 'open')
    .where('deadline', '<=', now)
    .execute();
}

/** The invitations of these rounds. */
export async function listInvitations(
  db: Kysely<Database>,
  roundIds: readonly number[],
): Promise<InvitationRow[]> {
  if (roundIds.length === 0) return [];
  return db.selectFrom('round_invitations').selectAll().where('round_id', 'in', roundIds).execute();
}

/** One invitation, or undefined when the organisation is not invited. */
export async function findInvitation(
  db: Kysely<Database>,
  roundId: number,
  orgId: number,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('round_invitations')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** Records an organisation's submission once; returns false if it had already submitted. */
export async function markSubmitted(
  db: Kysely<Database>,
  roundId: number,
  orgId: number,
  userId: number,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('round_invitations')
    .set({ submitted_by: userId, submitted_at: at })
    .where('round_id', '=', roundId)
    .where('org_id', '=', orgId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Organisations invited to an open round of the draft whose deadline has not passed. */
export async function selectOpenInvitedOrgIds(
  db: Kysely<Database>,
  draftId: string,
  now: number,
  options: { comparing?: boolean } = {},
): Promise<number[]> {
  let query = db
    .selectFrom('round_invitations as i')
    .innerJoin('rounds as r', 'r.id', 'i.round_id')
    .select('i.org_id')
    .where('r.draft_id', '=', draftId)
    .where('r.status', '=', 'open')
    .where('r.deadline', '>', now);
  if (options.comparing === true) query = query.where('r.allow_compare', '=', 1);
  const rows = await query.execute();
  return rows.map((row) => row.org_id);
}
