import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { sql } from 'kysely';
import type { ConsultationAccess } from './access/access.service.ts';
import { createApp, type App } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase, type OpenDatabase } from './db/database.ts';
import { checkpointIfLarge, readPragmas } from './db/sqlite.ts';
import { migrateToLatest } from './db/migrate.ts';
import { credentialsFile, formatCredentials, seedDemoIfEmpty } from './demo/demo-seed.ts';
import { guardConnections } from './http/connection-guard.ts';
import type { Logger } from './logger.ts';

/** A listening server and the way to stop it cleanly. */
export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly app: App;
  /** Graceful stop: no new connections, sockets closed with 1001, writes finished, WAL checkpointed. */
  close(): Promise<void>;
}

const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
/** How often "last edited by" notes are written down (a crash loses at most this much of them). */
/** The start-up check of stored drafts against the editor schema stops after this long. */
const DRAFT_CHECK_BUDGET_MS = 30_000;
const EDIT_FLUSH_MS = 5_000;

/** Opens and migrates the database, builds the app and listens on the configured port. */
export async function startServer(
  config: Config,
  log: Logger,
  options: { consultations?: ConsultationAccess } = {},
): Promise<RunningServer> {
  const database = openConfiguredDatabase(config.database);
  const migration = await migrateToLatest(database.db);
  if (migration.error !== undefined) {
    await database.close();
    throw migration.error instanceof Error ? migration.error : new Error('migration failed');
  }
  log.info(describeDatabase(database), 'database ready');

  const app = createApp({ config, log, database, consultations: options.consultations });
  // Fail here, not on the first keystroke, if the update log's writer cannot open the database.
  await app.store.ready();
  await app.services.templates.syncShipped(config.templatesDir, log);
  if (config.demo.seed) {
    const demo = await seedDemoIfEmpty(app.services, config.dataDir, { password: config.demo.password });
    if (demo !== null) {
      log.warn({ file: credentialsFile(config.dataDir), users: demo.length }, 'demo workspace seeded');
      // Printed once, for the person who just started the server; the file keeps them (mode 0600).
      process.stdout.write(`${formatCredentials(demo)}\n`);
    }
  }
  // Long-lived readers can starve automatic checkpoints; keep the WAL bounded (R15).
  const walTimer = setInterval(() => {
    if (database.kind === 'sqlite' && checkpointIfLarge(database.sqlite, WAL_LIMIT_BYTES))
      log.info({}, 'WAL checkpointed');
  }, 30_000);
  walTimer.unref();
  // Expiry is enforced on every use; this only keeps dead rows from piling up.
  const sweepTimer = setInterval(() => {
    app.services.sessions
      .sweep()
      .catch((error: unknown) => log.error({ err: error }, 'session sweep failed'));
  }, 600_000);
  sweepTimer.unref();
  // Rounds past their deadline stop taking comments at once (reads check the deadline); this
  // also ends invited commenters' access on open sockets and tells open pages, within a minute.
  const roundTimer = setInterval(() => {
    app.services.rounds.sweep().catch((error: unknown) => log.error({ err: error }, 'round sweep failed'));
  }, 30_000);
  roundTimer.unref();
  // "Last edited by" is noted in memory on every edit and written down every few seconds.
  const editTimer = setInterval(() => {
    app.services.drafts
      .flushEdits()
      .catch((error: unknown) => log.error({ err: error }, 'last edits not written'));
  }, EDIT_FLUSH_MS);
  editTimer.unref();
  const server = createAdaptorServer({
    fetch: app.hono.fetch,
    websocket: { server: app.wss },
    serverOptions: {
      headersTimeout: config.connections.handshakeTimeoutMs,
      requestTimeout: Math.max(30_000, config.connections.handshakeTimeoutMs),
      // Node enforces the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: 1000,
    },
  }) as Server;
  guardConnections(server, { ...config.connections, log: log.child({ module: 'http' }) });
  server.on('error', (error) => log.error({ err: error }, 'http server error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ host: config.host, port }, 'listening');
  // After listening, bounded, one draft per turn: naming broken drafts must not delay start-up.
  let stopping = false;
  const draftCheck = app.services.repairs
    .scan(log, DRAFT_CHECK_BUDGET_MS, () => stopping)
    .catch((error: unknown) => log.error({ err: error }, 'draft check failed'));

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${config.host}:${port}`,
    app,
    close() {
      closing ??= (async () => {
        clearInterval(walTimer);
        clearInterval(sweepTimer);
        clearInterval(roundTimer);
        clearInterval(editTimer);
        stopping = true;
        await draftCheck;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await app.shutdown();
        if (database.kind === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
        await database.close();
        server.closeAllConnections();
        await stopped;
        log.info({}, 'stopped');
      })();
      return closing;
    },
  };
}

/** What the start-up log says of the database (never a password). */
function describeDatabase(database: OpenDatabase): Record<string, unknown> {
  return database.kind === 'sqlite'
    ? { file: database.file, pragmas: readPragmas(database.sqlite) }
    : { postgres: database.where };
}
