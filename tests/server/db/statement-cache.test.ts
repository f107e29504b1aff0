import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StatementCache } from '../../../server/db/statement-cache.ts';

interface Tables {
  notes: { id: number; body: string; extra?: string | null };
}

function open(limit?: number) {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec(
    "create table notes (id integer primary key, body text not null); insert into notes (body) values ('một'), ('hai'), ('ba')",
  );
  let prepared = 0;
  const counting = new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') return (text: string) => (prepared++, target.prepare(text));
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const cache = new StatementCache(counting, limit);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) });
  onTestFinished(() => db.destroy());
  return { db, cache, prepared: () => prepared };
}

const byId = (db: Kysely<Tables>, id: number) =>
  db.selectFrom('notes').select('body').where('id', '=', id).executeTakeFirst();

describe('the SQLite statement cache', () => {
  it('prepares a query once and answers every later run with that run’s parameters', async () => {
    const { db, prepared } = open();
    expect(await byId(db, 1)).toEqual({ body: 'một' });
    expect(await byId(db, 3)).toEqual({ body: 'ba' });
    expect(await byId(db, 4)).toBeUndefined();
    expect(prepared()).toBe(1);
  });

  it('streams a query through the kept statement, before and after plain runs of it', async () => {
    const { db, prepared } = open();
    const all = db.selectFrom('notes').select('body').orderBy('id');
    const streamed = async () => {
      const bodies: string[] = [];
      for await (const row of all.stream()) bodies.push(row.body);
      return bodies;
    };
    expect((await all.execute()).map((r) => r.body)).toEqual(['một', 'hai', 'ba']);
    expect(await streamed()).toEqual(['một', 'hai', 'ba']);
    expect((await all.execute()).map((r) => r.body)).toEqual(['một', 'hai', 'ba']);
    expect(await streamed()).toEqual(['một', 'hai', 'ba']);
    expect(prepared()).toBe(1);
  });

  it('keeps at most its limit of statements, dropping the least recently used', async () => {
    const { db, cache, prepared } = open(2);
    await byId(db, 1); // A
    await db.selectFrom('notes').select('id').execute(); // B
    await byId(db, 2); // A again: now the most recent
    await db.selectFrom('notes').select(['id', 'body']).execute(); // C: B goes
    expect(cache.size).toBe(2);
    await byId(db, 3);
    expect(prepared()).toBe(3);
    await db.selectFrom('notes').select('id').execute(); // B again: prepared afresh
    expect(prepared()).toBe(4);
  });

  it('reads a table as it is after a schema change, through a statement kept from before', async () => {
    const { db } = open();
    const everything = () => db.selectFrom('notes').selectAll().where('id', '=', 1).executeTakeFirst();
    expect(await everything()).toEqual({ id: 1, body: 'một' });
    await sql`alter table notes add column extra text`.execute(db);
    await db.updateTable('notes').set({ extra: 'thêm' }).where('id', '=', 1).execute();
    expect(await everything()).toEqual({ id: 1, body: 'một', extra: 'thêm' });
  });
});
