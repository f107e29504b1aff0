import { sql, type Kysely } from 'kysely';

// Frozen: never edit a released migration; add a new one instead.

/**
 * Creates the organisation tree, users with per-org roles, sessions, API tokens, drafts,
 * the access epoch (bumped on every change of rights so open sockets re-check), and the
 * owners of Yjs clientIDs (R13).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('bloc', 'unit', 'branch', 'mass')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'integer', (col) => col.references('orgs.id'))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent').on('orgs').column('parent_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('org_id', 'integer', (col) => col.notNull().references('orgs.id'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (col) => col.notNull().references('orgs.id'))
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('admin', 'secretary', 'drafter', 'commenter')`),
    )
    .addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'org_id', 'role'])
    .execute();
  await db.schema.createIndex('role_grants_org').on('role_grants').column('org_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('last_seen_at', 'integer', (col) => col.notNull())
    .addColumn('expires_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('expires_at', 'integer')
    .addColumn('revoked_at', 'integer')
    .addColumn('last_used_at', 'integer')
    .execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'integer', (col) => col.notNull().references('orgs.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('drafts_org').on('drafts').column('org_id').execute();

  await db.schema
    .createTable('access_epoch')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('value', 'integer', (col) => col.notNull())
    .execute();
  await sql`insert into access_epoch (id, value) values (1, 0)`.execute(db);

  await db.schema
    .createTable('collab_client_owners')
    .addColumn('doc', 'text', (col) => col.notNull())
    .addColumn('client_id', 'integer', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('collab_client_owners_pk', ['doc', 'client_id'])
    .execute();
}

/** Drops everything `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'collab_client_owners',
    'access_epoch',
    'drafts',
    'api_tokens',
    'sessions',
    'role_grants',
    'users',
    'orgs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
