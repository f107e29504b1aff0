import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SessionRow } from './auth.table.ts';

/** Stores a new session. */
export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
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

/** Deletes sessions past their absolute or idle expiry. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  now: number,
  idleMs: number,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - idleMs)]))
    .execute();
}
