import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/** Creates the Yjs update log and the per-document snapshots. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collab_updates')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('doc', 'text', (col) => col.notNull())
    .addColumn('data', 'blob', (col) => col.notNull())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('collab_updates_doc_id').on('collab_updates').columns(['doc', 'id']).execute();
  await db.schema
    .createTable('collab_snapshots')
    .addColumn('doc', 'text', (col) => col.primaryKey())
    .addColumn('state', 'blob', (col) => col.notNull())
    .addColumn('state_vector', 'blob', (col) => col.notNull())
    .addColumn('up_to', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute();
}

/** Drops both tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('collab_snapshots').execute();
  await db.schema.dropTable('collab_updates').execute();
}
