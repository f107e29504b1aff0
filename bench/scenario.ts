/**
 * Runs one load scenario against one freshly started server (the join benchmark is in
 * join-run.ts, the hot draft in hot.ts).
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { draftRoom, LoadMessage, type LoadConfig, type LoadResult } from './protocol.js';
import { machineBusyMicros, treeCpuMicros, treeRssBytes } from './proc.js';
import type { ScenarioRun } from './report.js';
import {
  makeTempDir,
  protocolOf,
  removeDir,
  startServer,
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
): Promise<string[]> {
  if (kind !== 'ours' || oursIsPreAuth()) return placeholderTokens(users);
  return (await seedWorkspace(dataDir, { users, draftIds: rooms })).tokens;
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

/** Runs the generator against a fresh server of `kind`; samples server CPU/RSS at the window edges. */
export async function runScenario(
  kind: ServerKind,
  spec: ScenarioSpec,
  knobs: LoadKnobs,
): Promise<ScenarioRun> {
  const dir = makeTempDir(`vankien-bench-${kind}-`);
  let server: ServerHandle | null = null;
  try {
    const logFile = path.join(knobs.logDir, `${kind}-${spec.name}.log`);
    const roomPrefix = `bench-${spec.name}`;
    const rooms = Array.from({ length: spec.drafts }, (_, i) => draftRoom(roomPrefix, i));
    const tokens = await credentials(kind, dir, benchUserCount(spec.clients), rooms);
    server = await startServer({ kind, dataDir: dir, logFile, launcher: knobs.launcher });
    const cfg: LoadConfig = {
      collabUrl: server.collabUrl,
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
    const pid = server.pid;
    const { result, start, end } = await runGenerator(cfg, () => ({
      monoUs: Number(process.hrtime.bigint() / 1000n),
      cpu: treeCpuMicros(pid),
      machine: machineBusyMicros(),
      rss: treeRssBytes(pid),
    }));
    const stop = await stopServer(server);
    server = null;
    // The window on the monotonic clock that V8 CPU profiles use, for bench/profile-share.ts --window.
    writeFileSync(
      path.join(knobs.logDir, `${kind}-${spec.name}.window.json`),
      JSON.stringify({ startUs: start.monoUs, endUs: end.monoUs }) + '\n',
    );
    const serverCpuUs = end.cpu - start.cpu;
    const generatorCpuUs = (result.genCpuPct / 100) * result.windowMs * 1000;
    return {
      load: result,
      serverCpuUs,
      serverRssBytes: end.rss,
      otherCpuUs: Math.max(0, end.machine - start.machine - serverCpuUs - generatorCpuUs),
      stop,
    };
  } finally {
    if (server !== null) await stopServer(server);
    removeDir(dir);
  }
}

/** Server tree CPU, whole-machine busy CPU (µs) and server tree RSS (bytes) at one instant. */
interface Sample {
  /** CLOCK_MONOTONIC in µs (process.hrtime), the clock of a .cpuprofile's startTime/endTime. */
  monoUs: number;
  cpu: number;
  machine: number;
  rss: number;
}

interface Sampled {
  result: LoadResult;
  start: Sample;
  end: Sample;
}

/** Forks bench/load.ts (plain node + tsx loader: one process, so IPC is direct) and follows its messages. */
function runGenerator(cfg: LoadConfig, sample: () => Sample): Promise<Sampled> {
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
    child.on('message', (raw: unknown) => {
      const parsed = LoadMessage.safeParse(raw);
      if (!parsed.success) return finish(new Error(`bad generator message: ${parsed.error.message}`));
      const msg = parsed.data;
      if (msg.type === 'window-start') start = sample();
      else if (msg.type === 'window-end') end = sample();
      else if (msg.type === 'error') finish(new Error(`generator: ${msg.message}`));
      else if (msg.type === 'result') {
        if (start === null || end === null) finish(new Error('generator result without a measured window'));
        else finish(null, { result: msg.result, start, end });
      }
    });
    child.once('close', (code) =>
      finish(new Error(`generator exited with code ${code} before reporting a result`)),
    );
    child.once('error', (err) => finish(err));
  });
}
