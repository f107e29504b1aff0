import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { sql } from 'kysely';
import type { ConsultationAccess } from './access/access.service.ts';
import { createApp, type App } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase, type OpenDatabase } from './db/database.ts';
import { readPragmas } from './db/sqlite.ts';
import { migrateToLatest } from './db/migrate.ts';
import { credentialsFile, formatCredentials, seedDemoIfEmpty } from './demo/demo-seed.ts';
import { guardConnections } from './http/connection-guard.ts';
import type { Logger } from './logger.ts';
import type { Clock } from './time/clock.ts';

/** A listening server and the way to stop it cleanly. */
export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly app: App;
  /** Graceful stop: no new connections, sockets closed with 1001, writes finished, WAL checkpointed. */
  close(): Promise<void>;
}

/** The start-up check of stored drafts against the editor schema stops after this long. */
const DRAFT_CHECK_BUDGET_MS = 30_000;

/** Options of {@link openApp} and {@link startServer}. */
export interface AppOptions {
  readonly consultations?: ConsultationAccess | undefined;
  readonly clock?: Clock | undefined;
}

/**
 * Opens and migrates the database and builds the app, ready to answer requests (the update
 * log's writer open, the shipped templates in place); listening is the caller's. The tests'
 * in-process app starts here too.
 */
export async function openApp(
  config: Config,
  log: Logger,
  options: AppOptions = {},
): Promise<{ database: OpenDatabase; app: App }> {
  const database = openConfiguredDatabase(config.database);
  const migration = await migrateToLatest(database.db);
  if (migration.error !== undefined) {
    await database.close();
    throw migration.error instanceof Error ? migration.error : new Error('migration failed');
  }
  log.info(describeDatabase(database), 'database ready');

  const app = createApp({
    config,
    log,
    database,
    consultations: options.consultations,
    clock: options.clock,
  });
  // Fail here, not on the first keystroke, if the update log's writer cannot open the database.
  await app.store.ready();
  await app.services.templates.syncShipped(config.templatesDir, log);
  return { database, app };
}

/** Opens the app (see {@link openApp}), seeds the demo if asked, and listens on the configured port. */
export async function startServer(
  config: Config,
  log: Logger,
  options: AppOptions = {},
): Promise<RunningServer> {
  const { database, app } = await openApp(config, log, options);
  if (config.demo.seed) {
    const demo = await seedDemoIfEmpty(app.services, config.dataDir, { password: config.demo.password });
    if (demo !== null) {
      log.warn({ file: credentialsFile(config.dataDir), users: demo.length }, 'demo workspace seeded');
      // Printed once, for the person who just started the server; the file keeps them (mode 0600).
      process.stdout.write(`${formatCredentials(demo)}\n`);
    }
  }
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
