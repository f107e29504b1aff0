import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DraftExportRow, NewDraftExport } from './export.table.ts';

/** Records one export. */
export async function insertExport(db: Kysely<Database>, row: NewDraftExport): Promise<void> {
  await db.insertInto('draft_exports').values(row).execute();
}

/** A draft's exports, newest first, at most `limit`. */
export async function listExports(
  db: Kysely<Database>,
  draftId: string,
  limit: number,
): Promise<DraftExportRow[]> {
  return db
    .selectFrom('draft_exports')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
