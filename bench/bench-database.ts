/**
 * Throw-away PostgreSQL databases for `npm run bench -- --store postgres`: one per run of a
 * scenario, on the local server (`BENCH_PG`, default postgres://postgres@127.0.0.1:5432/postgres,
 * trust auth as on the development machines), dropped afterwards, or by `dropLeftDatabases`
 * when the bench is interrupted. Also finds the database's server processes (its backends),
 * whose CPU the report shows beside the instances'.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local PostgreSQL the bench creates its databases on. */
export const ADMIN_URL = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The local Redis the instances fan out through. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379';

const PREFIX = 'vk_bench_';
const live = new Set<string>();

async function admin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function nameOf(url: string): string {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(PREFIX) || !/^\w+$/.test(name)) throw new Error(`not a bench database: ${name}`);
  return name;
}

/** Creates an empty database and returns its URL. */
export async function createBenchDatabase(): Promise<string> {
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(ADMIN_URL, (client) => client.query(`create database ${name}`));
  live.add(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by `createBenchDatabase` (closing whatever still uses it). */
export async function dropBenchDatabase(url: string): Promise<void> {
  const name = nameOf(url);
  await admin(ADMIN_URL, (client) => client.query(`drop database if exists ${name} with (force)`));
  live.delete(name);
}

/** Synchronously drops every database still alive (for an emergency exit; uses `psql`). */
export function dropLeftDatabases(): void {
  for (const name of live) {
    spawnSync('psql', [ADMIN_URL, '-X', '-q', '-c', `drop database if exists ${name} with (force)`], {
      stdio: 'ignore',
    });
  }
  live.clear();
}

/**
 * The server processes serving connections to the database at `url` (one per pooled
 * connection), so their CPU can be read from /proc like the instances'. PostgreSQL's shared
 * processes (WAL writer, checkpointer) serve every database on the server and are left out.
 */
export async function backendPids(url: string): Promise<number[]> {
  const name = nameOf(url);
  return admin(ADMIN_URL, async (client) => {
    const res = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    return res.rows.map((r) => r.pid);
  });
}
