import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ApiTokenRow } from './auth.table.ts';

/** Stores a token (hashed) and returns its row. */
export async function insertToken(
  db: Kysely<Database>,
  token: { userId: number; name: string; tokenHash: string; expiresAt: number | null; createdAt: number },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A token by the hash of its secret, or undefined. */
export async function findTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A token by id, or undefined. */
export async function findTokenById(db: Kysely<Database>, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's tokens that are not revoked, newest first. */
export async function listTokens(db: Kysely<Database>, userId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
}

/** Marks a token revoked; returns whether it was live. */
export async function revokeToken(db: Kysely<Database>, id: number, at: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records when a token was last used. */
export async function touchToken(db: Kysely<Database>, id: number, at: number): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
