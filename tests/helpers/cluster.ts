import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, dropScratchDatabase } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { seedWorkspace, type Workspace } from './workspace.ts';

/** The local Redis the scale-out tests use (`VANKIEN_TEST_REDIS`). */
export const TEST_REDIS_URL = process.env.VANKIEN_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** Several instances on one PostgreSQL database, linked through Redis, as in production. */
export interface TestCluster {
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly workspace: Workspace;
  readonly instances: TestServer[];
  /** Starts one more instance on the same database. */
  add(env?: Record<string, string>): Promise<TestServer>;
  /** Stops every instance and drops the database. */
  stop(): Promise<void>;
}

/** Starts `count` in-process instances on a fresh PostgreSQL database and Redis. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const databaseUrl = await createScratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-cluster-'));
  const workspace = await seedWorkspace(dataDir, databaseUrl);
  const instances: TestServer[] = [];
  const add = async (extra: Record<string, string> = {}) => {
    const server = await startTestServer(
      { REDIS_URL: TEST_REDIS_URL, ...env, ...extra },
      { reuse: { dataDir, workspace, databaseUrl } },
    );
    instances.push(server);
    return server;
  };
  for (let i = 0; i < count; i++) await add();
  return {
    databaseUrl,
    dataDir,
    workspace,
    instances,
    add,
    async stop() {
      await Promise.allSettled(instances.map((server) => server.stop({ keepData: true })));
      workspace.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropScratchDatabase(databaseUrl);
    },
  };
}
