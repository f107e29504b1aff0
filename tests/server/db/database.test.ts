import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { checkpointIfLarge, openDatabase, readPragmas } from '../../../server/db/database.ts';
import { migrateToLatest, migrateToZero } from '../../../server/db/migrate.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-db-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'vankien.db');
}

describe('database', () => {
  it('opens with WAL, synchronous=FULL, busy_timeout and foreign keys, creating its directory', async () => {
    const database = openDatabase(tempFile());
    expect(readPragmas(database.sqlite)).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      busy_timeout: 5000,
      foreign_keys: 1,
    });
    await database.close();
  });

  it('migrates up to the latest schema and back down to nothing', async () => {
    const database = openDatabase(tempFile());
    const up = await migrateToLatest(database.db);
    expect(up.error).toBeUndefined();
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
      database.db,
    );
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['collab_updates', 'collab_snapshots']),
    );
    const down = await migrateToZero(database.db);
    expect(down.error).toBeUndefined();
    const after = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE name LIKE 'collab_%'`.execute(database.db);
    expect(after.rows).toEqual([]);
    await database.close();
  });

  it('checkpoints the WAL once it passes the limit', async () => {
    const database = openDatabase(tempFile());
    await migrateToLatest(database.db);
    database.sqlite.exec('CREATE TABLE filler (b BLOB)');
    const insert = database.sqlite.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 50; i++) insert.run(Buffer.alloc(20_000));
    expect(checkpointIfLarge(database.sqlite, 1 << 30)).toBe(false);
    expect(checkpointIfLarge(database.sqlite, 100_000)).toBe(true);
    await database.close();
  });
});
