import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DraftRow } from './draft.table.ts';

/** Stores a new draft. */
export async function insertDraft(db: Kysely<Database>, row: DraftRow): Promise<void> {
  await db.insertInto('drafts').values(row).execute();
}

/** A draft by id, or undefined. */
export async function findDraft(db: Kysely<Database>, id: string): Promise<DraftRow | undefined> {
  return db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a draft's fields and stamps `updated_at` with `at`. */
export async function updateDraft(
  db: Kysely<Database>,
  id: string,
  changes: Partial<
    Pick<DraftRow, 'title' | 'status' | 'archived_at' | 'header' | 'last_edited_by' | 'last_edited_at'>
  >,
  at: number,
): Promise<void> {
  await db
    .updateTable('drafts')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Every draft, newest first. */
export async function listDrafts(db: Kysely<Database>): Promise<DraftRow[]> {
  return db.selectFrom('drafts').selectAll().orderBy('updated_at', 'desc').execute();
}

/** The drafts with these ids (in no particular order). */
export async function findDrafts(db: Kysely<Database>, ids: readonly string[]): Promise<DraftRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('drafts').selectAll().where('id', 'in', ids).execute();
}
