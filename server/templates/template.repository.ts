import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { TemplateRow } from './template.table.ts';

/** Stores a template version unless that (id, version) exists; returns whether it was new. */
export async function insertTemplate(db: Kysely<Database>, row: TemplateRow): Promise<boolean> {
  const result = await db
    .insertInto('templates')
    .values(row)
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** One version of a template, or the newest when `version` is omitted. */
export async function findTemplate(
  db: Kysely<Database>,
  id: string,
  version?: number,
): Promise<TemplateRow | undefined> {
  let query = db.selectFrom('templates').selectAll().where('id', '=', id);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return query.executeTakeFirst();
}

/** The newest version of every template. */
export async function listLatestTemplates(db: Kysely<Database>): Promise<TemplateRow[]> {
  const rows = await db
    .selectFrom('templates')
    .selectAll()
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, TemplateRow>();
  for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
  return [...latest.values()];
}

/** Every version number of a template, newest first. */
export async function listTemplateVersions(db: Kysely<Database>, id: string): Promise<number[]> {
  const rows = await db
    .selectFrom('templates')
    .select('version')
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => row.version);
}
