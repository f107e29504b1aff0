import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import type { Database, DatabaseHandle } from './database.ts';
import { StatementCache } from './statement-cache.ts';
/** An open SQLite database: the Kysely handle for queries and the raw handle for pragmas. */
export interface SqliteDatabase extends DatabaseHandle {
  readonly kind: 'sqlite';
  readonly sqlite: BetterSqlite3.Database;
  readonly file: string;
  /** Checkpoints the WAL into the main file and closes both handles. */
  close(): Promise<void>;
}

/** Pragmas every connection must run with (R15). */
const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: NORMAL can lose the last commits on power loss
  busy_timeout: 5000,
  foreign_keys: 1,
} as const;

/**
 * Kysely's SQLite driver, with transactions begun IMMEDIATE unless marked read-only. The update
 * log's writer thread commits on its own connection; a deferred transaction that read before
 * that commit and writes after it would fail at once with SQLITE_BUSY (its snapshot is stale,
 * so SQLite cannot wait), while BEGIN IMMEDIATE takes the write lock first and waits its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const begin = settings?.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/** Opens (creating if needed) the SQLite file, applies and then asserts the pragmas. */
export function openDatabase(file: string): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  applyPragmas(sqlite);
  const db = openKysely(sqlite);
  return {
    kind: 'sqlite',
    db,
    sqlite,
    file,
    ping() {
      sqlite.prepare('select 1').get();
      return Promise.resolve();
    },
    async close() {
      await db.destroy(); // closes the better-sqlite3 handle too
    },
  };
}

/** A Kysely handle over an open connection (write transactions begin IMMEDIATE, statements kept prepared). */
export function openKysely(sqlite: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: new StatementCache(sqlite) }),
  });
}

/** Sets the required pragmas on a raw handle and throws if SQLite did not take them. */
export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma(`journal_mode = ${REQUIRED_PRAGMAS.journal_mode}`);
  sqlite.pragma(`synchronous = ${REQUIRED_PRAGMAS.synchronous}`);
  sqlite.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
  sqlite.pragma(`foreign_keys = ${REQUIRED_PRAGMAS.foreign_keys}`);
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const actual: unknown = sqlite.pragma(name, { simple: true });
    if (actual !== expected) {
      throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(expected)}`);
    }
  }
}

/** Reads back the durability pragmas (for start-up logs and tests). */
export function readPragmas(sqlite: BetterSqlite3.Database): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(REQUIRED_PRAGMAS).map((name) => [name, sqlite.pragma(name, { simple: true })]),
  );
}

/**
 * Checkpoints the WAL with RESTART once it has grown past `maxBytes`, so everlasting
 * readers cannot make it grow without bound (R15). Returns whether it ran.
 */
export function checkpointIfLarge(sqlite: BetterSqlite3.Database, maxBytes: number): boolean {
  let size: number;
  try {
    size = fs.statSync(`${sqlite.name}-wal`).size;
  } catch {
    return false; // no WAL file yet
  }
  if (size < maxBytes) return false;
  sqlite.pragma('wal_checkpoint(RESTART)');
  return true;
}
