import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseHandle } from './database.ts';
import { PortableSchemaPlugin } from './portable-schema.ts';

/** An open PostgreSQL database: the Kysely handle over a connection pool. */
export interface PostgresDatabase extends DatabaseHandle {
  readonly kind: 'postgres';
  readonly pool: pg.Pool;
  /** The server and database, without credentials (for logs). */
  readonly where: string;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * The schema stores ids, counts and millisecond times as `bigint`, which node-postgres hands
 * back as strings (JavaScript numbers lose precision past 2^53). Every such value here is far
 * below that, and the code (written for SQLite) expects numbers: parse them, and refuse loudly
 * a value that would not round-trip.
 */
function toSafeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) && Number.isInteger(value))
    throw new RangeError(`database integer ${text} exceeds the safe range`);
  return value;
}

const builtIn = pg.types.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (value: string) => unknown;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? toSafeNumber : builtIn(oid, format),
};

/** Opens a pool on `url` (not yet migrated); commits wait for the WAL flush (`synchronous_commit=on`). */
export function openPostgres(url: string, options: { poolSize: number }): PostgresDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    types,
    // An acknowledged edit must survive a crash of the database server too: never let a
    // server-wide `synchronous_commit=off` apply to this application's sessions.
    options: '-c synchronous_commit=on',
    connectionTimeoutMillis: 5000,
  });
  // A client whose server went away emits 'error' (on the pool when idle, on the client when
  // checked out between two queries of a transaction); unhandled, it would kill the process.
  // The query in flight fails on its own, and the next one gets a fresh connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PortableSchemaPlugin()],
  });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    db,
    pool,
    where: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await db.destroy(); // ends the pool
    },
  };
}
