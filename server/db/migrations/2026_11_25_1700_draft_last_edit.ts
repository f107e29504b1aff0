import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/** Who edited a draft's text last, and when (shown on the home page). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('drafts')
    .addColumn('last_edited_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('drafts').addColumn('last_edited_at', 'integer').execute();
}

/** Drops both columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('drafts').dropColumn('last_edited_at').execute();
  await db.schema.alterTable('drafts').dropColumn('last_edited_by').execute();
}
