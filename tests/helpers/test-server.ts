import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { captureLogger, type LogEntry } from './capture-logger.ts';

/** A real server on 127.0.0.1, port 0, with its own SQLite file in a temp directory. */
export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  /** Base URL for `new WebsocketProvider(wsUrl, room, doc)`. */
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly logs: LogEntry[];
  /** Graceful stop; the data directory is deleted unless `keepData` (to restart on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts a server in this process; `env` overrides configuration variables. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ...env });
  const log = captureLogger();
  const server = await startServer(config, log);
  return {
    server,
    dataDir: dir,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    httpUrl: server.url,
    logs: log.entries,
    async stop(options = {}) {
      await server.close();
      if (options.keepData !== true) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
