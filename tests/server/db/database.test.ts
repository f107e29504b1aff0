import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { checkpointIfLarge, openDatabase, readPragmas } from '../../../server/db/sqlite.ts';
import * as Y from 'yjs';
import { migrateDown, migrateToLatest, migrateToZero } from '../../../server/db/migrate.ts';
import { decodePosition } from '../../../shared/comments/relative-position.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The migrations this test knows the tables of, in the order they must run. */
const MIGRATIONS = ['2026_11_25_1100_create_collab_log', '2026_11_25_1400_create_identity'];
const COLLAB_LOG_TABLES = ['collab_updates', 'collab_snapshots'];
const IDENTITY_TABLES = [
  'orgs',
  'users',
  'role_grants',
  'sessions',
  'api_tokens',
  'drafts',
  'access_epoch',
  'collab_client_owners',
];

/** The app's tables (not SQLite's or the migrator's own), sorted by name. */
async function appTables<T>(db: Kysely<T>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
    ORDER BY name`.execute(db);
  return tables.rows.map((r) => r.name);
}

const POSITIONS = '2026_12_05_0800_comment_positions_encoded';

/** Undoes migrations, newest first, until `name` is undone. */
async function downTo<T>(db: Kysely<T>, name: string): Promise<void> {
  for (;;) {
    const { error, results } = await migrateDown(db);
    expect(error).toBeUndefined();
    const undone = results?.[0]?.migrationName;
    if (undone === undefined) throw new Error(`${name} was never applied`);
    if (undone === name) return;
  }
}

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

  it('migrates up to the latest schema and back down to nothing, migration by migration', async () => {
    const database = openDatabase(tempFile());
    const up = await migrateToLatest(database.db);
    expect(up.error).toBeUndefined();
    const applied = (up.results ?? []).map((r) => r.migrationName);
    expect(up.results?.every((r) => r.direction === 'Up' && r.status === 'Success')).toBe(true);
    // In order, each once (later migrations may follow).
    expect(applied.filter((name) => MIGRATIONS.includes(name))).toEqual(MIGRATIONS);
    expect(await appTables(database.db)).toEqual(
      expect.arrayContaining([...COLLAB_LOG_TABLES, ...IDENTITY_TABLES]),
    );
    // The access epoch starts at 0 in its single row.
    const epoch = await sql<{ id: number; value: number }>`SELECT id, value FROM access_epoch`.execute(
      database.db,
    );
    expect(epoch.rows).toEqual([{ id: 1, value: 0 }]);

    const down = await migrateToZero(database.db);
    expect(down.error).toBeUndefined();
    expect(down.results?.every((r) => r.direction === 'Down' && r.status === 'Success')).toBe(true);
    expect((down.results ?? []).map((r) => r.migrationName)).toEqual([...applied].reverse());
    expect(await appTables(database.db)).toEqual([]);
    const indexes = await sql<{ name: string }>`
      SELECT name FROM sqlite_master
      WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`.execute(database.db);
    expect(indexes.rows).toEqual([]);

    // And up again on the emptied file.
    expect((await migrateToLatest(database.db)).error).toBeUndefined();
    expect(await appTables(database.db)).toEqual(
      expect.arrayContaining([...COLLAB_LOG_TABLES, ...IDENTITY_TABLES]),
    );
    await database.close();
  });

  it('rewrites stored comment positions from JSON text to their base64 encoding and back', async () => {
    const database = openDatabase(tempFile());
    await migrateToLatest(database.db);
    await downTo(database.db, POSITIONS);
    const start = {
      type: { client: 2296345388, clock: 0 },
      item: { client: 2296345388, clock: 101 },
      assoc: 0,
    };
    const end = { item: { client: 7, clock: 3 }, assoc: -1 };
    // A comment as the previous schema stored it (its draft, round and author need not exist here).
    database.sqlite.pragma('foreign_keys = OFF');
    database.sqlite
      .prepare(
        `INSERT INTO comments (draft_id, round_id, org_id, kind, body, anchor_start, anchor_end, created_at, updated_at)
         VALUES ('d', 1, 1, 'comment', 'x', ?, ?, 0, 0), ('d', 1, 1, 'comment', 'section', NULL, NULL, 0, 0)`,
      )
      .run(JSON.stringify(start), JSON.stringify(end));
    const stored = () =>
      database.sqlite.prepare('SELECT anchor_start s, anchor_end e FROM comments ORDER BY id').all() as {
        s: string | null;
        e: string | null;
      }[];

    expect((await migrateToLatest(database.db)).error).toBeUndefined();
    const [ranged, section] = stored();
    expect(section).toEqual({ s: null, e: null });
    expect(ranged!.s).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Y.relativePositionToJSON(decodePosition(ranged!.s!)!)).toEqual({ item: start.item, assoc: 0 });
    expect(Y.relativePositionToJSON(decodePosition(ranged!.e!)!)).toEqual(end);

    await downTo(database.db, POSITIONS);
    expect(stored()[0]).toEqual({
      s: JSON.stringify({ item: start.item, assoc: 0 }),
      e: JSON.stringify(end),
    });
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
