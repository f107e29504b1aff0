/**
 * Spawning, health-checking, measuring and stopping the servers under test.
 *
 * Default launch is `node --import tsx <entry>`: one process that receives SIGTERM itself.
 * The `tsx <entry>` launcher (option `launcher: 'tsx'`) runs the server in a child process and
 * relays signals, but SIGKILLs the child when it does not acknowledge the signal within ~60 ms
 * (a busy event loop is enough; reproduced here), which would fake unclean shutdowns.
 * Either way CPU and RSS are summed over the whole process tree (see proc.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Protocol } from './client.js';
import { HOCUSPOCUS_DIR } from './hocuspocus-install.js';

/** Which server an instance is: ours, @y/websocket-server in memory, or Hocuspocus on SQLite. */
export type ServerKind = 'ours' | 'reference' | 'hocuspocus';
/** Every kind, in the order a scenario runs them. */
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'hocuspocus'];

/** The wire protocol a kind of server speaks (its clients' provider). */
export function protocolOf(kind: ServerKind): Protocol {
  return kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';
}

/**
 * How a server is run: `build` (default) runs the compiled JavaScript with plain `node`, as
 * `npm start` does; `node` runs the TypeScript source with `node --import tsx`; `tsx` uses the
 * tsx launcher.
 */
export type Launcher = 'build' | 'node' | 'tsx';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
// BENCH_OURS_ENTRY lets the harness itself be exercised (or another build be measured) as "ours".
const ENTRY: Record<ServerKind, string> = {
  ours: process.env.BENCH_OURS_ENTRY ?? 'server/main.ts',
  reference: 'bench/reference-server.ts',
  hocuspocus: 'bench/hocuspocus-server.ts',
};
/** The same entries compiled by `npm run build` (tsconfig.build.json). */
const BUILT_ENTRY: Record<ServerKind, string> = {
  ours: 'dist/server/main.js',
  reference: 'dist/bench/reference-server.js',
  // Not compiled by `npm run build`: the bench transpiles it (buildHocuspocusServer).
  hocuspocus: 'dist/bench/hocuspocus-server.js',
};

/** Everything we started (value: has its own process group), so an emergency exit can kill and clean up without guessing. */
const liveChildren = new Map<ChildProcess, boolean>();
const liveDirs = new Set<string>();

/** Asks the kernel for a free loopback port (small race window, acceptable for a bench). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Creates a temp dir that is removed by `removeDir` or, at the latest, by `emergencyCleanup`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  liveDirs.add(dir);
  return dir;
}

/** Removes a temp dir made by `makeTempDir`. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

/** A running server child process. */
export interface ServerHandle {
  kind: ServerKind;
  port: number;
  pid: number;
  httpUrl: string;
  collabUrl: string;
  child: ChildProcess;
}

/** Options for `startServer`. */
export interface StartOptions {
  kind: ServerKind;
  dataDir: string;
  logFile: string;
  env?: Record<string, string>;
  launcher?: Launcher;
  readyTimeoutMs?: number;
}

/**
 * Extra Node flags for one kind of server, e.g. `BENCH_NODE_ARGS_OURS="--cpu-prof --cpu-prof-dir=/tmp/p"`
 * to profile it under load (NODE_OPTIONS refuses --cpu-prof).
 */
function nodeArgs(kind: ServerKind): string[] {
  const value = process.env[`BENCH_NODE_ARGS_${kind.toUpperCase()}`] ?? '';
  return value.split(' ').filter((arg) => arg !== '');
}

/** Starts a server and resolves once `GET /healthz` answers 200. */
export async function startServer(opts: StartOptions): Promise<ServerHandle> {
  const port = await freePort();
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const [cmd, args] =
    opts.launcher === 'tsx'
      ? [TSX, [ENTRY[opts.kind]]]
      : opts.launcher === 'node'
        ? [process.execPath, [...nodeArgs(opts.kind), '--import', 'tsx', ENTRY[opts.kind]]]
        : [process.execPath, [...nodeArgs(opts.kind), BUILT_ENTRY[opts.kind]]];
  const child = spawn(cmd, args, {
    cwd: ROOT,
    // Own process group: terminal Ctrl-C does not hit it directly (we stop it in order),
    // and a SIGKILL fallback can take out the launcher and the real server together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // Ours would otherwise seed a demo workspace into an empty database at start-up.
      // Every load-generator client connects from this machine: no cap per address.
      ...(opts.kind === 'ours'
        ? { VANKIEN_DEMO: '0', MAX_SOCKETS_PER_IP: '0', MAX_PENDING_PER_IP: '0' }
        : opts.kind === 'hocuspocus'
          ? { HOCUSPOCUS_DIR }
          : {}),
      ...opts.env,
    },
  });
  trackChild(child, true);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const handle: ServerHandle = {
    kind: opts.kind,
    port,
    pid: child.pid ?? -1,
    httpUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    child,
  };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${opts.kind} server exited during startup (code ${child.exitCode}); see ${opts.logFile}`,
      );
    }
    if (await healthy(handle.httpUrl)) return handle;
    await sleep(100);
  }
  await stopServer(handle);
  throw new Error(
    `${opts.kind} server not healthy within ${opts.readyTimeoutMs ?? 30_000} ms; see ${opts.logFile}`,
  );
}

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Stops with SIGTERM to the spawned pid (the tsx launcher relays it), SIGKILL to the group after `graceMs`. */
export async function stopServer(
  h: ServerHandle,
  graceMs = 10_000,
): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  const { child } = h;
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, ms: 0 };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  const first = await Promise.race([exited, timer]);
  if (first === 'timeout') {
    killGroup(h.pid);
    const code = await Promise.race([exited, sleep(5000).then(() => null)]);
    return { code, ms: Date.now() - t0 };
  }
  // The launcher has exited; make sure no grandchild survived it.
  killGroup(h.pid);
  return { code: first, ms: Date.now() - t0 };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Group already gone.
  }
}

/** Registers a child for `emergencyCleanup`; `group` = it leads its own process group. */
export function trackChild(child: ChildProcess, group: boolean): void {
  liveChildren.set(child, group);
  child.once('exit', () => liveChildren.delete(child));
}

/** Synchronously kills every child we started and removes temp dirs (safe inside 'exit'). */
export function emergencyCleanup(): void {
  for (const [child, group] of liveChildren) {
    if (child.pid === undefined) continue;
    if (group) killGroup(child.pid);
    else child.kill('SIGKILL');
  }
  liveChildren.clear();
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}

/** Promise-based sleep. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a bench's `main`: its children are killed on any exit, and a failure sets exit code 1. */
export function runBench(main: () => Promise<void>): void {
  process.on('exit', emergencyCleanup);
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
