import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { SectionAssignmentRow } from './assignment.table.ts';

/** The assignments of one draft. */
export function listOfDraft(db: Kysely<Database>, draftId: string): Promise<SectionAssignmentRow[]> {
  return db.selectFrom('section_assignments').selectAll().where('draft_id', '=', draftId).execute();
}

/** The assignments of one user, any draft. */
export function listOfUser(db: Kysely<Database>, userId: number): Promise<SectionAssignmentRow[]> {
  return db.selectFrom('section_assignments').selectAll().where('user_id', '=', userId).execute();
}

/** The assignment of one section, if any. */
export function findOne(
  db: Kysely<Database>,
  draftId: string,
  sectionId: string,
): Promise<SectionAssignmentRow | undefined> {
  return db
    .selectFrom('section_assignments')
    .selectAll()
    .where('draft_id', '=', draftId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
}

/** Assigns a section, replacing its earlier assignment. */
export async function upsert(db: Kysely<Database>, row: SectionAssignmentRow): Promise<void> {
  await db
    .insertInto('section_assignments')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['draft_id', 'section_id']).doUpdateSet({
        user_id: row.user_id,
        due: row.due,
        assigned_by: row.assigned_by,
        assigned_at: row.assigned_at,
      }),
    )
    .execute();
}

/** Removes a section's assignment; whether there was one. */
export async function remove(db: Kysely<Database>, draftId: string, sectionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('section_assignments')
    .where('draft_id', '=', draftId)
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
