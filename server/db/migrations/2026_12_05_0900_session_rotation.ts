import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Session rotation on a role change (R10): a session whose user's roles changed is due a new
 * id at its next request; the old row then points at its successor for a short grace period
 * (requests already on their way, and open sockets, keep working).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('rotate_due', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('sessions').addColumn('replaced_by', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('replaced_at', 'integer').execute();
}

/** Drops the three columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('replaced_at').execute();
  await db.schema.alterTable('sessions').dropColumn('replaced_by').execute();
  await db.schema.alterTable('sessions').dropColumn('rotate_due').execute();
}
