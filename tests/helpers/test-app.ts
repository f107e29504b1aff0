/**
 * The whole application in this process without a listening server: requests go through
 * Hono's `app.request()`. For REST-only rules (validation, access to endpoints) a test then
 * needs no port, no socket and no HTTP round trip; anything with WebSockets, streams that
 * must stay open or several instances takes a real server ({@link startTestServer}).
 */
import { afterEach } from 'vitest';
import type { ConsultationAccess } from '../../server/access/access.service.ts';
import type { App } from '../../server/app.ts';
import type { Config } from '../../server/config.ts';
import type { OpenDatabase } from '../../server/db/database.ts';
import { openApp } from '../../server/server.ts';
import { captureLogger, type LogEntry } from './capture-logger.ts';
import { prepareTestData, removeTestData, testConfig, TEST_ORIGIN } from './test-server.ts';
import type { Workspace } from './workspace.ts';

/** The application on a seeded workspace, answering in-process. */
export interface TestApp {
  readonly app: App;
  readonly database: OpenDatabase;
  readonly workspace: Workspace;
  readonly logs: LogEntry[];
  /** The base URL requests are addressed to (the allowed origin; nothing listens there). */
  readonly httpUrl: string;
  /** Answers a request in-process, as `fetch` would over the network. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** Options of {@link startTestApp}. */
export interface TestAppOptions {
  readonly consultations?: ConsultationAccess;
  readonly tune?: (config: Config) => Config;
}

/** Builds the app on a fresh seeded workspace; `env` overrides configuration variables. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const data = await prepareTestData();
  const loaded = testConfig(data.dir, data.databaseUrl, env);
  const config = options.tune?.(loaded) ?? loaded;
  const log = captureLogger();
  const { database, app } = await openApp(config, log, { consultations: options.consultations });
  let stopped: Promise<void> | null = null;
  return {
    app,
    database,
    workspace: data.workspace,
    logs: log.entries,
    httpUrl: TEST_ORIGIN,
    fetch: async (url, init) => app.hono.request(url, init),
    stop() {
      stopped ??= (async () => {
        await app.shutdown();
        await database.close();
        await removeTestData(data);
      })();
      return stopped;
    },
  };
}

/** Registers the teardown in the calling test file; `start` builds a fresh app for one test. */
export function useTestApp(): {
  start(env?: Record<string, string>, options?: TestAppOptions): Promise<TestApp>;
} {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
  });
  return {
    async start(env, options) {
      const app = await startTestApp(env, options);
      apps.push(app);
      return app;
    },
  };
}
