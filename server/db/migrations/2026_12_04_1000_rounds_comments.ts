import { sql, type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Consultation rounds with their invited organisations, the comments made in them, and
 * in-app notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('deadline', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('closed_reason', 'text', (col) =>
      col.check(sql`closed_reason in ('deadline', 'closed_early')`),
    )
    .addColumn('opened_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('opened_at', 'integer', (col) => col.notNull())
    .addColumn('closed_at', 'integer')
    .execute();
  await db.schema.createIndex('rounds_draft').on('rounds').columns(['draft_id', 'id']).execute();

  await db.schema
    .createTable('round_invitations')
    .addColumn('round_id', 'integer', (col) => col.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('submitted_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'integer')
    .addPrimaryKeyConstraint('round_invitations_pk', ['round_id', 'org_id'])
    .execute();
  await db.schema.createIndex('round_invitations_org').on('round_invitations').column('org_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('round_id', 'integer', (col) => col.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('comment', 'suggestion')`))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('replacement', 'text')
    .addColumn('section_id', 'text')
    .addColumn('quote', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('prefix', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('suffix', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('anchor_start', 'text')
    .addColumn('anchor_end', 'text')
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .addColumn('withdrawn_at', 'integer')
    .addColumn('disposition', 'text', (col) =>
      col.check(sql`disposition in ('accepted', 'partly', 'explained', 'noted')`),
    )
    .addColumn('disposition_note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('disposition_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('disposition_at', 'integer')
    .addColumn('applied_at', 'integer')
    .execute();
  await db.schema.createIndex('comments_draft').on('comments').columns(['draft_id', 'round_id']).execute();
  await db.schema.createIndex('comments_round_org').on('comments').columns(['round_id', 'org_id']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('round_id', 'integer', (col) => col.references('rounds.id').onDelete('cascade'))
    .addColumn('comment_id', 'integer', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('actor_name', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('read_at', 'integer')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('round_invitations').execute();
  await db.schema.dropTable('rounds').execute();
}
