import type { Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * A gap-free sequence per document for the update log, used where several instances append to
 * one log (PostgreSQL): each commit bumps `collab_heads.seq` for its document and numbers its
 * rows from it, so rows are numbered in commit order per document, and an instance that saw
 * number n knows exactly which rows it lacks (`seq > n`). Instance-global ids cannot tell that:
 * they are handed out before commit, so a smaller id may become visible after a larger one.
 * The SQLite log has one writer and keeps using its ids (`seq` stays null there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collab_heads')
    .addColumn('doc', 'text', (col) => col.primaryKey())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.alterTable('collab_updates').addColumn('seq', 'integer').execute();
  await db.schema
    .createIndex('collab_updates_doc_seq')
    .on('collab_updates')
    .columns(['doc', 'seq'])
    .execute();
}

/** Drops the sequence. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('collab_updates_doc_seq').execute();
  await db.schema.alterTable('collab_updates').dropColumn('seq').execute();
  await db.schema.dropTable('collab_heads').execute();
}
