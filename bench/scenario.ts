/**
 * Runs one load scenario against one freshly started server (the join benchmark is in
 * join-run.ts, the hot draft in hot.ts).
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { backendPids } from './bench-database.js';
import {
  createStore,
  dropStore,
  logBase,
  SINGLE_SQLITE,
  startInstances,
  type Deployment,
} from './deployment.js';
import { draftRoom, LoadMessage, type LoadConfig, type LoadResult } from './protocol.js';
import { machineBusyMicros, pidsCpuMicros, pidsNamed, treeCpuMicros, treeRssBytes } from './proc.js';
import type { ScenarioRun } from './report.js';
import {
  makeTempDir,
  protocolOf,
  removeDir,
  stopServer,
  trackChild,
  type Launcher,
  type ServerHandle,
  type ServerKind,
} from './server-process.js';
import type { Workload } from './workload.js';
import { benchUserCount, oursIsPreAuth, placeholderTokens, seedWorkspace } from './workspace.js';

const BENCH = import.meta.dirname;

/**
 * Credentials for a run: for ours, seeds users, tokens and the drafts `rooms` into its fresh
 * data dir (before it starts); for the references (or a pre-auth ours), placeholder tokens.
 */
export async function credentials(
  kind: ServerKind,
  dataDir: string,
  users: number,
  rooms: readonly string[],
  databaseUrl?: string,
): Promise<string[]> {
  if (kind !== 'ours' || oursIsPreAuth()) return placeholderTokens(users);
  return (await seedWorkspace(dataDir, { users, draftIds: rooms, databaseUrl })).tokens;
}

/** A load scenario: C clients spread over D drafts. */
export interface ScenarioSpec {
  name: string;
  clients: number;
  drafts: number;
}

/** Knobs shared by all scenarios. */
export interface LoadKnobs {
  workload: Workload;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  logDir: string;
  launcher: Launcher;
}

/**
 * Runs the generator against a fresh server of `kind` (for ours, deployed as `deployment`:
 * its instances on a fresh database); samples the servers' CPU/RSS at the window edges.
 */
export async function runScenario(
  kind: ServerKind,
  spec: ScenarioSpec,
  knobs: LoadKnobs,
  deployment: Deployment = SINGLE_SQLITE,
): Promise<ScenarioRun> {
  const d = kind === 'ours' ? deployment : SINGLE_SQLITE;
  const dir = makeTempDir(`vankien-bench-${kind}-`);
  let servers: ServerHandle[] = [];
  let databaseUrl: string | undefined;
  try {
    databaseUrl = await createStore(d);
    const base = logBase(knobs.logDir, kind, spec.name, d);
    const roomPrefix = `bench-${spec.name}`;
    const rooms = Array.from({ length: spec.drafts }, (_, i) => draftRoom(roomPrefix, i));
    const tokens = await credentials(kind, dir, benchUserCount(spec.clients), rooms, databaseUrl);
    servers = await startInstances({
      kind,
      deployment: d,
      dataDir: dir,
      databaseUrl,
      logBase: base,
      launcher: knobs.launcher,
    });
    const cfg: LoadConfig = {
      collabUrls: servers.map((s) => s.collabUrl),
      placement: d.placement,
      protocol: protocolOf(kind),
      workload: knobs.workload,
      roomPrefix,
      clients: spec.clients,
      drafts: spec.drafts,
      tokens,
      rate: knobs.rate,
      seconds: knobs.seconds,
      warmupSeconds: knobs.warmupSeconds,
      quiesceTimeoutMs: 20_000,
    };
    const pids = servers.map((s) => s.pid);
    const url = databaseUrl;
    // The database's backends (pooled connections, open by the window's start) and Redis.
    let dbPids: number[] = [];
    const redisPids = d.instances > 1 ? pidsNamed('redis-server') : [];
    const { result, start, end } = await runGenerator(cfg, async (edge) => {
      if (url !== undefined && edge === 'start') dbPids = await backendPids(url);
      return {
        monoUs: Number(process.hrtime.bigint() / 1000n),
        cpu: pids.map((pid) => treeCpuMicros(pid)),
        machine: machineBusyMicros(),
        rss: pids.reduce((sum, pid) => sum + treeRssBytes(pid), 0),
        db: pidsCpuMicros(dbPids),
        redis: pidsCpuMicros(redisPids),
      };
    });
    const stops = [];
    for (const server of servers) stops.push(await stopServer(server));
    servers = [];
    // The window on the monotonic clock that V8 CPU profiles use, for bench/profile-share.ts --window.
    writeFileSync(`${base}.window.json`, JSON.stringify({ startUs: start.monoUs, endUs: end.monoUs }) + '\n');
    const instanceCpuUs = end.cpu.map((c, i) => c - (start.cpu[i] ?? 0));
    const serverCpuUs = instanceCpuUs.reduce((a, b) => a + b, 0);
    const dbCpuUs = url === undefined ? null : end.db - start.db;
    const redisCpuUs = redisPids.length === 0 ? null : end.redis - start.redis;
    const generatorCpuUs = (result.genCpuPct / 100) * result.windowMs * 1000;
    const serviceCpuUs = (dbCpuUs ?? 0) + (redisCpuUs ?? 0);
    return {
      load: result,
      serverCpuUs,
      instanceCpuUs,
      dbCpuUs,
      redisCpuUs,
      serverRssBytes: end.rss,
      otherCpuUs: Math.max(0, end.machine - start.machine - serverCpuUs - generatorCpuUs - serviceCpuUs),
      stop: {
        code: stops.find((x) => x.code !== 0)?.code ?? stops[0]?.code ?? null,
        ms: Math.max(...stops.map((x) => x.ms)),
      },
    };
  } finally {
    for (const server of servers) await stopServer(server);
    removeDir(dir);
    await dropStore(databaseUrl);
  }
}

/** Server tree CPU, whole-machine busy CPU (µs) and server tree RSS (bytes) at one instant. */
interface Sample {
  /** CLOCK_MONOTONIC in µs (process.hrtime), the clock of a .cpuprofile's startTime/endTime. */
  monoUs: number;
  /** Per instance. */
  cpu: number[];
  machine: number;
  rss: number;
  /** The PostgreSQL backends of the run's database (0 on SQLite). */
  db: number;
  /** The Redis server (0 with one instance). */
  redis: number;
}

interface Sampled {
  result: LoadResult;
  start: Sample;
  end: Sample;
}

/** Forks bench/load.ts (plain node + tsx loader: one process, so IPC is direct) and follows its messages. */
function runGenerator(cfg: LoadConfig, sample: (edge: 'start' | 'end') => Promise<Sample>): Promise<Sampled> {
  const limitMs = 180_000 + (cfg.seconds + cfg.warmupSeconds) * 1000 + cfg.quiesceTimeoutMs;
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH, 'load.ts'), [JSON.stringify(cfg)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Structured clone keeps NaN (an empty latency sample) intact; JSON would turn it into null.
      serialization: 'advanced',
    });
    trackChild(child, false);
    let start: Sample | null = null;
    let end: Sample | null = null;
    let settled = false;
    const finish = (err: Error | null, value?: Sampled): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (err !== null) reject(err);
      else if (value !== undefined) resolve(value);
    };
    const timer = setTimeout(
      () => finish(new Error(`generator did not finish within ${limitMs} ms`)),
      limitMs,
    );
    // Samples are async (the database's backends are looked up); messages are handled in order.
    let queue = Promise.resolve();
    child.on('message', (raw: unknown) => {
      queue = queue.then(() => onMessage(raw)).catch((err: unknown) => finish(err as Error));
    });
    const onMessage = async (raw: unknown): Promise<void> => {
      const parsed = LoadMessage.safeParse(raw);
      if (!parsed.success) return finish(new Error(`bad generator message: ${parsed.error.message}`));
      const msg = parsed.data;
      if (msg.type === 'window-start') start = await sample('start');
      else if (msg.type === 'window-end') end = await sample('end');
      else if (msg.type === 'error') finish(new Error(`generator: ${msg.message}`));
      else if (msg.type === 'result') {
        if (start === null || end === null) finish(new Error('generator result without a measured window'));
        else finish(null, { result: msg.result, start, end });
      }
    };
    child.once('close', (code) => {
      // After the messages already queued (the result arrives just before the exit).
      void queue.then(() =>
        finish(new Error(`generator exited with code ${code} before reporting a result`)),
      );
    });
    child.once('error', (err) => finish(err));
  });
}
