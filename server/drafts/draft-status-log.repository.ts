import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DraftStatusLogTable } from './draft.table.ts';

/** Appends one status change. */
export async function insertStatusChange(
  db: Kysely<Database>,
  row: Insertable<DraftStatusLogTable>,
): Promise<void> {
  await db.insertInto('draft_status_log').values(row).execute();
}

/** The draft's status changes, newest first. */
export async function listStatusChanges(
  db: Kysely<Database>,
  draftId: string,
): Promise<Selectable<DraftStatusLogTable>[]> {
  return db
    .selectFrom('draft_status_log')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('id', 'desc')
    .execute();
}
