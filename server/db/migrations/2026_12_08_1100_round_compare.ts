import { type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Whether the organisations invited to a round may compare the version sent out with the
 * committee's current text (1) or read only that version (0, the default).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('rounds')
    .addColumn('allow_compare', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}

/** Drops the flag. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('allow_compare').execute();
}
