import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * The revision log's own records: comment groups the committee saved (merged, split,
 * worded, answered), which comments each holds, and the narrative report of a round.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('revision_groups')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('round_id', 'integer', (col) => col.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('section_id', 'text')
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('disposition', 'text')
    .addColumn('answer', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('updated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('revision_groups_round').on('revision_groups').column('round_id').execute();
  await db.schema
    .createTable('revision_group_members')
    // A comment belongs to at most one saved group.
    .addColumn('comment_id', 'integer', (col) =>
      col.primaryKey().references('comments.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'integer', (col) =>
      col.notNull().references('revision_groups.id').onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('revision_group_members_group')
    .on('revision_group_members')
    .column('group_id')
    .execute();
  await db.schema
    .createTable('revision_reports')
    .addColumn('round_id', 'integer', (col) => col.primaryKey().references('rounds.id').onDelete('cascade'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute();
}

/** Drops the three tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('revision_reports').execute();
  await db.schema.dropTable('revision_group_members').execute();
  await db.schema.dropTable('revision_groups').execute();
}
