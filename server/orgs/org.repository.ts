import { sql, type Kysely } from 'kysely';
import type { OrgKind } from '../../shared/access.ts';
import type { Database } from '../db/database.ts';
import type { OrgRow } from './org.table.ts';

/** Inserts an organisation and returns its row. */
export async function insertOrg(
  db: Kysely<Database>,
  org: { kind: OrgKind; name: string; shortName: string; parentId: number | null; createdAt: number },
): Promise<OrgRow> {
  return db
    .insertInto('orgs')
    .values({
      kind: org.kind,
      name: org.name,
      short_name: org.shortName,
      parent_id: org.parentId,
      created_at: org.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One organisation, or undefined. */
export async function findOrg(db: Kysely<Database>, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every organisation, ordered by id (parents are always created before their children). */
export async function listOrgs(db: Kysely<Database>): Promise<OrgRow[]> {
  return db.selectFrom('orgs').selectAll().orderBy('id').execute();
}

/** The organisation and all its ancestors, nearest first. */
export async function selectAncestorIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from orgs where id = ${id}
      union all
      select o.id, o.parent_id, up.depth + 1 from orgs o join up on o.id = up.parent_id
    )
    select id from up order by depth`.execute(db);
  return rows.map((row) => row.id);
}
