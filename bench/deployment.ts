/**
 * How "ours" is deployed for a run (`--store`, `--instances`): the embedded SQLite file and
 * one process, as `npm start` runs; or N processes on one PostgreSQL database, linked through
 * Redis when N > 1, as issue 23's scale-out runs. The clients of a multi-instance run are
 * placed either `spread` (within each draft, editors alternate between the instances: every
 * draft has editors on every instance, the hard case) or by `draft` (a proxy that hashes the
 * draft id in `/collab/<draftId>` keeps a draft's editors on one instance).
 */
import path from 'node:path';
import { BENCH_REDIS_URL, createBenchDatabase, dropBenchDatabase } from './bench-database.js';
import {
  startServer,
  stopServer,
  type Launcher,
  type ServerHandle,
  type ServerKind,
} from './server-process.js';

import type { Placement } from './protocol.js';

export type Store = 'sqlite' | 'postgres';
export type { Placement };

/** One way of running ours. */
export interface Deployment {
  store: Store;
  instances: number;
  placement: Placement;
}

/** Today's default: one process on its SQLite file. */
export const SINGLE_SQLITE: Deployment = { store: 'sqlite', instances: 1, placement: 'spread' };

/** Short name for tables and logs: `sqlite ×1`, `postgres ×2 spread`, `postgres ×2 by draft`. */
export function deploymentLabel(d: Deployment): string {
  const base = `${d.store} ×${d.instances}`;
  return d.instances === 1 ? base : `${base} ${d.placement === 'spread' ? 'spread' : 'by draft'}`;
}

/** File-name form of the label. */
export function deploymentSlug(d: Deployment): string {
  return `${d.store}${d.instances}${d.instances > 1 ? `-${d.placement}` : ''}`;
}

/** Where a deployment's data lives for one run: a fresh PostgreSQL database, or none (SQLite in the data dir). */
export async function createStore(d: Deployment): Promise<string | undefined> {
  return d.store === 'postgres' ? createBenchDatabase() : undefined;
}

/** Drops what `createStore` made. */
export async function dropStore(databaseUrl: string | undefined): Promise<void> {
  if (databaseUrl !== undefined) await dropBenchDatabase(databaseUrl);
}

/** Starts the deployment's instances one after the other (migrations ran at seeding). */
export async function startInstances(opts: {
  kind: ServerKind;
  deployment: Deployment;
  dataDir: string;
  databaseUrl: string | undefined;
  logBase: string;
  launcher: Launcher;
}): Promise<ServerHandle[]> {
  const { deployment: d } = opts;
  const env: Record<string, string> = {};
  if (opts.databaseUrl !== undefined) env.DATABASE_URL = opts.databaseUrl;
  if (d.instances > 1) env.REDIS_URL = BENCH_REDIS_URL;
  const servers: ServerHandle[] = [];
  try {
    for (let i = 0; i < d.instances; i++) {
      const suffix = d.instances > 1 ? `-i${i}` : '';
      servers.push(
        await startServer({
          kind: opts.kind,
          dataDir: opts.dataDir,
          logFile: `${opts.logBase}${suffix}.log`,
          launcher: opts.launcher,
          env,
        }),
      );
    }
    return servers;
  } catch (err) {
    await Promise.all(servers.map((s) => stopServer(s)));
    throw err;
  }
}

/** The log file base (without `.log`) of one run. */
export function logBase(logDir: string, kind: ServerKind, name: string, d: Deployment): string {
  const tag = d.store === 'sqlite' && d.instances === 1 ? '' : `-${deploymentSlug(d)}`;
  return path.join(logDir, `${kind}-${name}${tag}`);
}
