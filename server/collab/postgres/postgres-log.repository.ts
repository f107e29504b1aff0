import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findLogRows, findSnapshot, replaceSnapshot } from '../store/collab-document.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A row to append: its document, bytes and time. */
export interface LogAppend {
  readonly doc: string;
  readonly data: Uint8Array;
}

/**
 * Appends rows in one transaction and returns each row's number in its document's log, in
 * the order given. The numbers come from bumping `collab_heads`, whose row lock serialises
 * commits per document across instances, so numbers follow commit order without gaps.
 * Documents are bumped in name order: two instances committing the same pair of documents
 * lock them in the same order and cannot deadlock. One statement, so one round trip (its own
 * transaction): BEGIN, bump, insert and COMMIT as four round trips cost the event loop about
 * twice the CPU per update once batches are small (measured with two instances).
 */
export async function appendNumbered(
  db: Kysely<Database>,
  rows: readonly LogAppend[],
  createdAt: number,
): Promise<number[]> {
  const docs = rows.map((row) => row.doc);
  const data = rows.map((row) => Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength));
  const order = rows.map((_, i) => i);
  const { rows: numbered } = await sql<{ ord: number; seq: number }>`
    with batch as (
      select * from unnest(${docs}::text[], ${data}::bytea[], ${order}::int[]) as b(doc, data, ord)
    ), counts as (
      select doc, count(*)::bigint as n from batch group by doc
    ), heads as (
      insert into collab_heads as h (doc, seq)
      select doc, n from counts order by doc
      on conflict (doc) do update set seq = h.seq + excluded.seq
      returning h.doc, h.seq
    ), numbered as (
      select b.doc, b.data, b.ord,
        heads.seq - counts.n + row_number() over (partition by b.doc order by b.ord) as seq
      from batch b join heads on heads.doc = b.doc join counts on counts.doc = b.doc
    ), stored as (
      insert into collab_updates (doc, data, seq, created_at)
      select doc, data, seq, ${createdAt}::bigint from numbered
    )
    select ord, seq from numbered order by ord`.execute(db);
  if (numbered.length !== rows.length) throw new Error('append numbered a different count of rows');
  return numbered.map((row) => row.seq);
}

/** Log rows of a document numbered above `after` (and at most `upTo`), in order. */
export async function findNumbered(db: Db, doc: string, after: number, upTo = Number.MAX_SAFE_INTEGER) {
  const rows = await findLogRows(db, doc, 'seq', after, upTo);
  return rows.map((row) => ({ seq: row.seq ?? 0, data: row.data }));
}

/** How far each of these documents' logs is numbered (absent: nothing appended yet). */
export async function findHeads(db: Db, docs: readonly string[]): Promise<Map<string, number>> {
  if (docs.length === 0) return new Map();
  const rows = await db.selectFrom('collab_heads').select(['doc', 'seq']).where('doc', 'in', docs).execute();
  return new Map(rows.map((row) => [row.doc, row.seq]));
}

/**
 * A document's snapshot, the rows after it and its head, from one consistent view of the
 * database (repeatable read): a compaction or append committed meanwhile is either wholly
 * in it or wholly out of it.
 */
export async function readNumberedHistory(db: Kysely<Database>, doc: string) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const snapshot = await findSnapshot(trx, doc);
      const rows = await findNumbered(trx, doc, snapshot?.up_to ?? 0);
      const heads = await findHeads(trx, [doc]);
      return { snapshot, rows, head: heads.get(doc) ?? snapshot?.up_to ?? 0 };
    });
}

/**
 * Replaces a document's snapshot by one covering its log up to `upTo` and deletes the rows it
 * covers, unless the snapshot changed since `base` (then returns false and changes nothing).
 */
export async function swapNumberedSnapshot(
  db: Kysely<Database>,
  snapshot: {
    doc: string;
    base: number;
    state: Uint8Array;
    stateVector: Uint8Array;
    upTo: number;
    now: number;
  },
): Promise<boolean> {
  const { doc, base, state, stateVector, upTo, now } = snapshot;
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('collab_snapshots')
      .select('up_to')
      .where('doc', '=', doc)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.up_to ?? 0) !== base) return false;
    await replaceSnapshot(trx, { doc, state, stateVector, upTo, now }, 'seq');
    return true;
  });
}
