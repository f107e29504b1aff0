import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/** Who of the drafting subcommittee writes each outline section of a draft, and by when. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('section_assignments')
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('section_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('due', 'text', (col) => col.notNull())
    .addColumn('assigned_by', 'integer', (col) => col.notNull())
    .addColumn('assigned_at', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('section_assignments_pk', ['draft_id', 'section_id'])
    .execute();
  await db.schema
    .createIndex('section_assignments_user')
    .on('section_assignments')
    .columns(['user_id', 'draft_id'])
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('section_assignments').execute();
}
