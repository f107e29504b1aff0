import { type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * The audit log: security-relevant actions (sign-ins, tokens, roles, final exports,
 * restores). No foreign keys: an entry must outlive the user or draft it names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('at', 'integer', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('target', 'text')
    .addColumn('address', 'text')
    .addColumn('detail', 'text')
    .execute();
}

/** Drops the audit log. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
