import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Yjs clientIDs belong to the credential that first wrote with them, not only to the user
 * (issue 18): a second session of the same account must not write under the first one's
 * clientIDs. A session keeps its family across rotations (R10), so a rotated session still
 * owns its clientIDs. Rows bound before this migration keep a null credential and stay bound
 * to the user alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('family', 'text').execute();
  await db.schema.alterTable('collab_client_owners').addColumn('credential', 'text').execute();
}

/** Drops the two columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('collab_client_owners').dropColumn('credential').execute();
  await db.schema.alterTable('sessions').dropColumn('family').execute();
}
