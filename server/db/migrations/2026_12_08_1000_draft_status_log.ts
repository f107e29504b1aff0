import { type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Every status change of a draft (marked final, reopened with its reason, out for comments),
 * shown in the draft's history. The draft owns its log: it goes when the draft goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('draft_status_log')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (col) => col.notNull())
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('draft_status_log_draft')
    .on('draft_status_log')
    .columns(['draft_id', 'id'])
    .execute();
}

/** Drops the log. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('draft_status_log').execute();
}
