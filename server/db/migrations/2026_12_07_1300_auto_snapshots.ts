import { sql, type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Automatic snapshots of drafts while people edit, apart from the numbered versions. Each row
 * holds the Yjs changes since the previous snapshot of its draft (the first one the whole
 * state), so a span of editing costs what was typed in it, not a copy of the draft.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('draft_snapshots')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('delta', 'blob', (col) => col.notNull())
    .addColumn('state_vector', 'blob', (col) => col.notNull())
    .addColumn('editors', 'text', (col) => col.notNull())
    .addColumn('started_at', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'integer', (col) => col.notNull().defaultTo(sql`0`))
    .execute();
  await db.schema
    .createIndex('draft_snapshots_draft')
    .on('draft_snapshots')
    .columns(['draft_id', 'created_at'])
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('draft_snapshots').execute();
}
