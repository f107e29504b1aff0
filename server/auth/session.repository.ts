import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { NewSessionRow, SessionRow } from './auth.table.ts';

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A session by the hash of its id, or undefined. */
export async function findSession(db: Kysely<Database>, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** Records activity on sessions (idle expiry counts from the last one). */
export async function touchSessions(
  db: Kysely<Database>,
  idHashes: readonly string[],
  at: number,
): Promise<void> {
  if (idHashes.length === 0) return;
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', 'in', idHashes).execute();
}

/** Deletes one session; returns whether it existed. */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes every session of a user. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes sessions past their absolute or idle expiry, and replaced ones past their grace. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  now: number,
  idleMs: number,
  graceMs: number,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', now - idleMs),
        eb('replaced_at', '<=', now - graceMs),
      ]),
    )
    .execute();
}

/** Marks every live session of a user as due a new id (their roles changed). */
export async function markSessionsForRotation(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ rotate_due: 1 })
    .where('user_id', '=', userId)
    .where('replaced_by', 'is', null)
    .execute();
}

/**
 * Replaces a session by a new one with the same user and lifetime, in one transaction; the old
 * row points at the new one. False when the old one was replaced meanwhile (a parallel request).
 */
export async function replaceSession(
  db: Kysely<Database>,
  oldHash: string,
  next: NewSessionRow,
  at: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('sessions')
      .set({ replaced_by: next.id_hash, replaced_at: at, rotate_due: 0 })
      .where('id_hash', '=', oldHash)
      .where('replaced_by', 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows === 0n) return false;
    await trx.insertInto('sessions').values(next).execute();
    return true;
  });
}
