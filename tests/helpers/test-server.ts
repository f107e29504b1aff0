import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConsultationAccess } from '../../server/access/access.service.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import type { Clock } from '../../server/time/clock.ts';
import { captureLogger, type LogEntry } from './capture-logger.ts';
import { newCollabClient, type CollabClient } from './collab-client.ts';
import { createScratchDatabase, dropScratchDatabase, TEST_STORE } from './test-database.ts';
import { seedWorkspace, type Persona, type Workspace } from './workspace.ts';

/** A real server on 127.0.0.1, port 0, with its own SQLite file in a temp directory. */
export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  /** The PostgreSQL database the server runs on (`VANKIEN_TEST_STORE=postgres`); undefined on SQLite. */
  readonly databaseUrl: string | undefined;
  /** Base URL for `new WebsocketProvider(wsUrl, room, doc)`. */
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** The origin a browser uses (allowed for sign-in and sockets); with `clientDir` only. */
  readonly browserUrl: string;
  readonly logs: LogEntry[];
  /** The seeded orgs, users and tokens; `workspace.draft(id)` makes a room exist. */
  readonly workspace: Workspace;
  /** A stock client on draft `room` (created if needed) as `as` (default: an editor). */
  connect(room: string, options?: { as?: Persona; connect?: boolean }): CollabClient;
  /** The URL of draft `room` (created if needed) with `as`'s token, for raw sockets. */
  rawUrl(room: string, as?: Persona): string;
  /** Graceful stop; the data directory is deleted unless `keepData` (to restart on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The origin test servers are configured to be reached at (the allowed Origin). */
export const TEST_ORIGIN = 'http://vankien.test';

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Restart on this data directory (with its workspace) instead of a fresh one. */
  readonly reuse?: {
    readonly dataDir: string;
    readonly workspace: Workspace;
    readonly databaseUrl?: string | undefined;
  };
  /** A fixture for open consultation rounds. */
  readonly consultations?: ConsultationAccess;
  /** Adjusts the configuration after it was read (e.g. lifetimes the environment cannot go below). */
  readonly tune?: (config: Config) => Config;
  /**
   * Serve the web client built at this directory, to a browser on `browserUrl`: the server
   * then listens on a port chosen in advance, so that its own origin is the allowed one.
   */
  readonly clientDir?: string;
  /** The server's clock (a `ManualClock` to cross deadlines and expiry without waiting). */
  readonly clock?: Clock;
}

/**
 * Starts a server in this process on a seeded workspace; `env` overrides configuration
 * variables. The demo workspace is off: tests bring their own.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { dir, databaseUrl, workspace } = await prepareTestData(options.reuse);
  const port = options.clientDir === undefined ? 0 : await freePort();
  const browserUrl = `http://127.0.0.1:${port}`;
  const loaded = testConfig(dir, databaseUrl, {
    PORT: String(port),
    PUBLIC_URL: options.clientDir === undefined ? TEST_ORIGIN : browserUrl,
    ...(options.clientDir === undefined ? {} : { CLIENT_DIR: options.clientDir }),
    ...env,
  });
  const config = options.tune?.(loaded) ?? loaded;
  const log = captureLogger();
  const server = await startServer(config, log, {
    consultations: options.consultations,
    clock: options.clock,
  });
  const wsUrl = `ws://127.0.0.1:${server.port}/collab`;
  return {
    server,
    dataDir: dir,
    databaseUrl,
    wsUrl,
    httpUrl: server.url,
    browserUrl,
    logs: log.entries,
    workspace,
    connect(room, { as = 'editor', connect } = {}) {
      workspace.draft(room);
      return newCollabClient(wsUrl, room, { token: workspace.users[as].token, connect });
    },
    rawUrl(room, as = 'editor') {
      workspace.draft(room);
      return `${wsUrl}/${room}?token=${workspace.users[as].token}`;
    },
    async stop(options = {}) {
      await server.close();
      if (options.keepData !== true) await removeTestData({ dir, databaseUrl, workspace });
    },
  };
}

/** A test's data: its directory, its PostgreSQL database (when the store is PostgreSQL), its workspace. */
export interface TestData {
  readonly dir: string;
  readonly databaseUrl: string | undefined;
  readonly workspace: Workspace;
}

/** Fresh data (a temp directory, a seeded workspace), or the data of an earlier server to restart on. */
export async function prepareTestData(reuse?: TestServerOptions['reuse']): Promise<TestData> {
  if (reuse !== undefined)
    return { dir: reuse.dataDir, databaseUrl: reuse.databaseUrl, workspace: reuse.workspace };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-test-'));
  const databaseUrl = TEST_STORE === 'postgres' ? await createScratchDatabase() : undefined;
  return { dir, databaseUrl, workspace: await seedWorkspace(dir, databaseUrl) };
}

/** Deletes what {@link prepareTestData} made. */
export async function removeTestData({ dir, databaseUrl, workspace }: TestData): Promise<void> {
  workspace.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (databaseUrl !== undefined) await dropScratchDatabase(databaseUrl);
}

/** The configuration of a test server on `dir`; `env` overrides (the demo workspace is off). */
export function testConfig(
  dir: string,
  databaseUrl: string | undefined,
  env: Record<string, string> = {},
): Config {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    VANKIEN_DEMO: '0',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    PUBLIC_URL: TEST_ORIGIN,
    // API-only servers never serve a client, whatever a developer built into dist/client.
    CLIENT_DIR: path.join(dir, 'no-client'),
    ...env,
  });
}

/** A port that was free a moment ago (the browser tests need the origin before the server starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
