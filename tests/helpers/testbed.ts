import { afterEach } from 'vitest';
import type { CollabClient } from './collab-client.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';
import type { Persona } from './workspace.ts';

/** A test's server and the stock clients it connected, all torn down after each test. */
export interface Testbed {
  /** Starts a server (env overrides configuration) and makes it the one `connect` uses. */
  start(env?: Record<string, string>, options?: Omit<TestServerOptions, 'reuse'>): Promise<TestServer>;
  /** Stops the server gracefully and starts a new one on the same data and configuration. */
  restart(): Promise<TestServer>;
  /** A stock client on the current server; destroyed after the test. */
  connect(room: string, options?: { as?: Persona; connect?: boolean }): CollabClient;
  /** Destroys every client connected so far. */
  disconnectAll(): void;
}

/** Registers the teardown in the calling test file and returns its testbed. */
export function useTestbed(): Testbed {
  let server: TestServer | null = null;
  let env: Record<string, string> = {};
  let serverOptions: Omit<TestServerOptions, 'reuse'> = {};
  const clients: CollabClient[] = [];
  const current = (): TestServer => {
    if (server === null) throw new Error('start() the testbed first');
    return server;
  };
  const disconnectAll = () => {
    for (const client of clients.splice(0)) client.destroy();
  };
  afterEach(async () => {
    disconnectAll();
    await server?.stop();
    server = null;
  });
  return {
    async start(overrides = {}, options = {}) {
      env = overrides;
      serverOptions = options;
      server = await startTestServer(env, options);
      return server;
    },
    async restart() {
      const { dataDir, workspace, databaseUrl } = current();
      await current().stop({ keepData: true });
      server = await startTestServer(env, { ...serverOptions, reuse: { dataDir, workspace, databaseUrl } });
      return server;
    },
    connect(room, options) {
      const client = current().connect(room, options);
      clients.push(client);
      return client;
    },
    disconnectAll,
  };
}
