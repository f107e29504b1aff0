import { sql, type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/** The record of exports: who exported which text of which draft, in which format, when. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('draft_exports')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('docx', 'pdf', 'md', 'html')`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('working', 'final')`))
    .addColumn('version', 'integer')
    .addColumn('profile', 'text', (col) => col.notNull())
    .addColumn('round_id', 'integer')
    .addColumn('bytes', 'integer', (col) => col.notNull())
    .addColumn('warnings', 'text', (col) => col.notNull())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('draft_exports_draft')
    .on('draft_exports')
    .columns(['draft_id', 'id'])
    .execute();
}

/** Drops the record of exports. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('draft_exports').execute();
}
