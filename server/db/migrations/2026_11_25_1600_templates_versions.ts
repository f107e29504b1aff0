import { sql, type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Outline templates (every version kept), drafts made from them (template version, header
 * fields, status), the numbered versions of drafts and the record of restores.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('shipped', 'imported')`))
    .addColumn('imported_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('templates_pk', ['id', 'version'])
    .execute();

  await db.schema.alterTable('drafts').addColumn('template_id', 'text').execute();
  await db.schema.alterTable('drafts').addColumn('template_version', 'integer').execute();
  await db.schema
    .alterTable('drafts')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('drafting')
        .check(sql`status in ('drafting', 'consultation', 'final')`),
    )
    .execute();
  await db.schema.alterTable('drafts').addColumn('archived_at', 'integer').execute();
  await db.schema.alterTable('drafts').addColumn('header', 'text').execute();

  await db.schema
    .createTable('draft_versions')
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('state', 'blob', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('draft_versions_pk', ['draft_id', 'number'])
    .execute();

  // A restore is an edit, not a version; this records who brought back which version, when.
  await db.schema
    .createTable('draft_restores')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('draft_id', 'text', (col) => col.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('restored_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('restored_at', 'integer', (col) => col.notNull())
    .execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('draft_restores').execute();
  await db.schema.dropTable('draft_versions').execute();
  for (const column of ['header', 'archived_at', 'status', 'template_version', 'template_id'])
    await db.schema.alterTable('drafts').dropColumn(column).execute();
  await db.schema.dropTable('templates').execute();
}
