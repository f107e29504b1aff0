import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NewCollabUpdateRow } from './collab-document.table.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The hot path: returns a function that appends rows in one transaction through a statement
 * prepared once. Kysely builds the SQL, but running each commit through Kysely measured
 * about 2.4 times the CPU per one-row commit (what a commit costs: bench/README.md): it
 * compiles the query and prepares BEGIN, INSERT and COMMIT anew every time.
 */
export function prepareAppend(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
): (rows: readonly NewCollabUpdateRow[]) => void {
  const { sql } = db
    .insertInto('collab_updates')
    .values({ doc: '', data: new Uint8Array(), created_at: 0 })
    .compile();
  const insert = sqlite.prepare<[string, Uint8Array, number]>(sql);
  return sqlite.transaction((rows: readonly NewCollabUpdateRow[]) => {
    for (const row of rows) insert.run(row.doc, row.data, row.created_at);
  });
}

/** The snapshot of a document, if it has one. */
export async function findSnapshot(db: Db, doc: string) {
  return db
    .selectFrom('collab_snapshots')
    .select(['state', 'state_vector', 'up_to'])
    .where('doc', '=', doc)
    .executeTakeFirst();
}

/**
 * A document's snapshot and the log rows after it, read in one transaction: a compaction
 * committed by the log writer between two separate reads would delete rows the old
 * snapshot does not cover. `upTo` limits the rows (for compaction).
 */
export async function readHistory(db: Kysely<Database>, doc: string, upTo = Number.MAX_SAFE_INTEGER) {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      const snapshot = await findSnapshot(trx, doc);
      const rows = await findUpdates(trx, doc, snapshot?.up_to ?? 0, upTo);
      return { snapshot, rows };
    });
}

/** Log rows of a document with `afterId < id <= upTo`, in commit order. */
export async function findUpdates(db: Db, doc: string, afterId: number, upTo = Number.MAX_SAFE_INTEGER) {
  return findLogRows(db, doc, 'id', afterId, upTo);
}

/**
 * Log rows of a document whose `order` column is in `(after, upTo]`, in that order: `id` in the
 * single-writer log, `seq` (the row's number in its document's log) in a shared one.
 */
export async function findLogRows<C extends 'id' | 'seq'>(
  db: Db,
  doc: string,
  order: C,
  after: number,
  upTo: number,
) {
  return (
    db
      .selectFrom('collab_updates')
      .select([order, 'data'])
      .where('doc', '=', doc)
      // Both columns hold numbers; Kysely cannot see that through the type parameter.
      .where(order as 'id', '>', after)
      .where(order as 'id', '<=', upTo)
      .orderBy(order)
      .execute()
  );
}

/** The id of a document's newest log row (0 if none). */
export async function findLastUpdateId(db: Db, doc: string): Promise<number> {
  const row = await db
    .selectFrom('collab_updates')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('doc', '=', doc)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/**
 * Replaces the snapshot and deletes the log rows it covers (rows whose `order` column, as in
 * {@link findLogRows}, is at most `upTo`); call inside one transaction.
 */
export async function replaceSnapshot(
  trx: Transaction<Database>,
  snapshot: { doc: string; state: Uint8Array; stateVector: Uint8Array; upTo: number; now: number },
  order: 'id' | 'seq' = 'id',
): Promise<void> {
  const { doc, state, stateVector, upTo, now } = snapshot;
  const values = { state, state_vector: stateVector, up_to: upTo, updated_at: now };
  await trx
    .insertInto('collab_snapshots')
    .values({ doc, ...values })
    .onConflict((oc) => oc.column('doc').doUpdateSet(values))
    .execute();
  await trx.deleteFrom('collab_updates').where('doc', '=', doc).where(order, '<=', upTo).execute();
}
