import type { Kysely } from 'kysely';
import type { Role } from '../../shared/access.ts';
import type { Database } from '../db/database.ts';
import type { UserRow } from './user.table.ts';

/** Inserts a user and returns the row. */
export async function insertUser(
  db: Kysely<Database>,
  user: { username: string; displayName: string; orgId: number; passwordHash: string; createdAt: number },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      org_id: user.orgId,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user by username (already normalised to lower case), or undefined. */
export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A user by id, or undefined. */
export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users, optionally of one organisation, by username. */
export async function listUsers(db: Kysely<Database>, orgId?: number): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().orderBy('username');
  if (orgId !== undefined) query = query.where('org_id', '=', orgId);
  return query.execute();
}

/** Every role grant of a user. */
export async function selectGrants(
  db: Kysely<Database>,
  userId: number,
): Promise<{ orgId: number; role: Role }[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['org_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('org_id')
    .orderBy('role')
    .execute();
  return rows.map((row) => ({ orgId: row.org_id, role: row.role }));
}

/** Grants a role (idempotent). */
export async function insertGrant(
  db: Kysely<Database>,
  userId: number,
  orgId: number,
  role: Role,
): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({ user_id: userId, org_id: orgId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Revokes a role; returns whether it was held. */
export async function deleteGrant(
  db: Kysely<Database>,
  userId: number,
  orgId: number,
  role: Role,
): Promise<boolean> {
  const result = await db
    .deleteFrom('role_grants')
    .where('user_id', '=', userId)
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Replaces the stored password hash. */
export async function updatePasswordHash(
  db: Kysely<Database>,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Deletes a user; grants, sessions and tokens go with it (foreign keys cascade). */
export async function deleteUser(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

/** Number of users (to tell an empty database). */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of the users holding `role` in any of these organisations. */
export async function selectUsersWithRole(
  db: Kysely<Database>,
  role: Role,
  orgIds: readonly number[],
): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants')
    .select('user_id')
    .distinct()
    .where('role', '=', role)
    .where('org_id', 'in', orgIds)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Display names of these users (missing ids are absent). */
export async function selectNames(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  // Chunks keep each statement under SQLite's bound-parameter cap.
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ids.slice(at, at + 500))
      .execute();
    for (const row of rows) names.set(row.id, row.display_name);
  }
  return names;
}
