import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AuditLogRow, NewAuditLogRow } from './audit.table.ts';

/** Appends one entry. */
export async function insertAuditEntry(db: Kysely<Database>, row: NewAuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** Entries newest first, at most `limit`, only those with an id below `before` if given. */
export async function listAuditEntries(
  db: Kysely<Database>,
  limit: number,
  before?: number,
): Promise<AuditLogRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (before !== undefined) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
