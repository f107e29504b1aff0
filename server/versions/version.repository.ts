import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DraftVersionRow } from './version.table.ts';

/** Stores a version; numbers come from {@link nextVersionNumber} inside the same transaction. */
export async function insertVersion(db: Kysely<Database>, row: DraftVersionRow): Promise<void> {
  await db.insertInto('draft_versions').values(row).execute();
}

/** The newest version of a draft, or undefined. */
export async function findLatestVersion(
  db: Kysely<Database>,
  draftId: string,
): Promise<DraftVersionRow | undefined> {
  return db
    .selectFrom('draft_versions')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One version, or undefined. */
export async function findVersion(
  db: Kysely<Database>,
  draftId: string,
  number: number,
): Promise<DraftVersionRow | undefined> {
  return db
    .selectFrom('draft_versions')
    .selectAll()
    .where('draft_id', '=', draftId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** A draft's versions without their contents, oldest first. */
export async function listVersions(db: Kysely<Database>, draftId: string) {
  return db
    .selectFrom('draft_versions')
    .select(['number', 'note', 'created_by', 'created_at'])
    .where('draft_id', '=', draftId)
    .orderBy('number')
    .execute();
}

/** Records a restore. */
export async function insertRestore(
  db: Kysely<Database>,
  draftId: string,
  version: number,
  userId: number,
  at: number,
): Promise<void> {
  await db
    .insertInto('draft_restores')
    .values({ draft_id: draftId, version, restored_by: userId, restored_at: at })
    .execute();
}

/** A draft's restores, oldest first. */
export async function listRestores(db: Kysely<Database>, draftId: string) {
  return db
    .selectFrom('draft_restores')
    .select(['version', 'restored_by', 'restored_at'])
    .where('draft_id', '=', draftId)
    .orderBy('id')
    .execute();
}
