import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * The drafting committee's internal threads on words of a draft, with replies, mentions and
 * resolution. A table of their own: they belong to no consultation round, so the round's
 * comments, counts and revision log never meet them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('discussions')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (col) => col.references('discussions.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull())
    // A JSON array of user ids.
    .addColumn('mentions', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('section_id', 'text')
    .addColumn('quote', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('prefix', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('suffix', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('anchor_start', 'text')
    .addColumn('anchor_end', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('discussions_draft').on('discussions').columns(['draft_id', 'id']).execute();
  await db.schema.createIndex('discussions_parent').on('discussions').column('parent_id').execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('discussions').execute();
}
