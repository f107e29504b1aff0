import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';

/**
 * Which store the server tests run on: the embedded SQLite file (default) or, with
 * `VANKIEN_TEST_STORE=postgres`, a throw-away database on the local PostgreSQL
 * (`VANKIEN_TEST_PG`, default postgres://postgres@127.0.0.1:5432/postgres), so that the same
 * suite proves both dialects.
 */
export const TEST_STORE: 'sqlite' | 'postgres' =
  process.env.VANKIEN_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

const ADMIN_URL = process.env.VANKIEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the local PostgreSQL and returns its URL. */
export async function createScratchDatabase(): Promise<string> {
  const name = `vk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database {@link createScratchDatabase} made (closing whatever still uses it). */
export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^vk_test_\w+$/.test(name)) throw new Error(`not a scratch database: ${name}`);
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

/**
 * Runs one statement synchronously through `psql`, with `:'name'` variables quoted by psql
 * itself: the workspace's draft maker is synchronous so call sites stay simple, and
 * node-postgres has no synchronous API.
 */
export function psqlSync(url: string, statement: string, vars: Record<string, string | number>): void {
  const args = [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1'];
  for (const [key, value] of Object.entries(vars)) args.push('-v', `${key}=${value}`);
  const run = spawnSync('psql', args, { input: statement, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr || run.error?.message || 'unknown'}`);
}

/**
 * Runs one statement on a test server's database, whichever it is (`?` placeholders), for a
 * test that must set up a state the API no longer allows (an older database's rows).
 */
export async function execOnServer(
  server: { readonly dataDir: string; readonly databaseUrl: string | undefined },
  statement: string,
  params: readonly (string | number)[],
): Promise<void> {
  if (server.databaseUrl === undefined) {
    const sqlite = new BetterSqlite3(path.join(server.dataDir, 'vankien.db'));
    try {
      sqlite.prepare(statement).run(...params);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    let n = 0;
    await client.query(
      statement.replace(/\?/g, () => `$${++n}`),
      [...params],
    );
  } finally {
    await client.end();
  }
}
