// The real server in a child process, for tests that must kill it (SIGKILL, SIGTERM) rather
// than close it politely in-process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedChildWorkspace, type ChildWorkspace } from './child-workspace.ts';
import { newCollabClient, type CollabClient } from './collab-client.ts';
import type { Persona } from './workspace.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'server/main.ts');
/** How long a stop waits after SIGTERM before it resorts to SIGKILL (the server's own deadline is 8 s). */
const STOP_GRACE_MS = 10_000;
/** How long any wait for the process to go away may take once SIGKILL is sent. */
const KILL_WAIT_MS = 5_000;

/** How a child process ended. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
}

/** A server running as a child process: `node --import tsx server/main.ts`, so `pid` is the server itself. */
export interface ChildServer {
  readonly port: number;
  /** Base URL for `new WebsocketProvider(wsUrl, room, doc)`. */
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly pid: number;
  readonly dataDir: string;
  /** The seeded users and drafts; pass it on to restart on the same data. */
  readonly workspace: ChildWorkspace;
  /** A stock client on seeded draft `room` as `as` (default: an editor). */
  connect(room: string, options?: { as?: Persona; connect?: boolean }): CollabClient;
  /** The URL of seeded draft `room` with `as`'s token, for raw sockets. */
  rawUrl(room: string, as?: Persona): string;
  /** Every stdout line so far (pino JSON), in order. */
  readonly lines: readonly string[];
  /** Everything written to stderr so far. */
  readonly stderr: () => string;
  /** Settles once the process has exited; never rejects. */
  readonly exited: Promise<ExitInfo>;
  /** Sends a signal to the server process (a no-op once it has exited). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, wait (bounded), then SIGKILL if it is still there; resolves with how it ended. */
  stop(): Promise<ExitInfo>;
}

/** Options for {@link spawnServer}. */
export interface SpawnServerOptions {
  /** The data directory (the database is `<dataDir>/vankien.db`); reuse it to restart on the same data. */
  readonly dataDir: string;
  /**
   * The workspace already seeded into `dataDir` (to restart on it). Without it, the test
   * workspace and `drafts` are seeded into `dataDir` first, which must then hold no database yet.
   */
  readonly workspace?: ChildWorkspace;
  /** The drafts to create when seeding (the test process keeps no handle to add more later). */
  readonly drafts?: readonly string[];
  /** Configuration variables on top of PORT=0, HOST=127.0.0.1, LOG_LEVEL=info, VANKIEN_DEMO=0. */
  readonly env?: Record<string, string>;
  /** How long to wait for the `listening` line (default 20 s). */
  readonly startTimeoutMs?: number;
}

const live = new Set<ChildServer>();

/**
 * Starts the server in a child process on a seeded workspace and resolves once its
 * `listening` log line gives the port.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ChildServer> {
  const workspace = options.workspace ?? (await seedChildWorkspace(options.dataDir, options.drafts ?? []));
  // Node itself loads tsx as a loader hook (no tsx launcher in between), so the child is
  // the process that holds the port and the database: SIGKILL to `pid` kills the server.
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: childEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<ExitInfo>((resolve) => {
    // 'close' rather than 'exit': it comes after stdout has ended, so `lines` is complete.
    child.once('close', (code, signal) => resolve({ code, signal }));
    // A spawn failure (e.g. ENOENT) emits 'error' and maybe no 'exit'.
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not listen within ${options.startTimeoutMs ?? 20_000} ms`)),
      options.startTimeoutMs ?? 20_000,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const port = listeningPort(line);
      if (port !== null) {
        clearTimeout(timer);
        resolve(port);
      }
    });
    void exited.then((info) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (${describeExit(info)}): ${stderr.slice(-2000)}`));
    });
  }).catch(async (error: unknown) => {
    await killAndWait(child, exited);
    throw error;
  });

  const wsUrl = `ws://127.0.0.1:${port}/collab`;
  const draft = (room: string): string => {
    // An unknown draft would be refused with 404 and the stock client would retry forever.
    if (!workspace.drafts.includes(room))
      throw new Error(`draft ${room} was not seeded (spawnServer drafts)`);
    return room;
  };
  const server: ChildServer = {
    port,
    wsUrl,
    httpUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir: options.dataDir,
    workspace,
    connect(room, { as = 'editor', connect } = {}) {
      return newCollabClient(wsUrl, draft(room), { token: workspace.users[as].token, connect });
    },
    rawUrl(room, as = 'editor') {
      return `${wsUrl}/${draft(room)}?token=${workspace.users[as].token}`;
    },
    lines,
    stderr: () => stderr,
    exited,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop() {
      server.kill('SIGTERM');
      const info = await withTimeout(exited, STOP_GRACE_MS);
      return info ?? killAndWait(child, exited);
    },
  };
  live.add(server);
  void exited.then(() => live.delete(server));
  return server;
}

/** Stops every child server still running (SIGKILL after a bounded wait); call from afterEach. */
export async function stopAllChildServers(): Promise<void> {
  await Promise.all([...live].map((server) => server.stop()));
}

function childEnv(options: SpawnServerOptions): NodeJS.ProcessEnv {
  // Only what node and tsx need from our environment: a configuration variable set in the
  // developer's shell must not change what the test runs against.
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot'].flatMap((key) => {
      const value = process.env[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
  return {
    ...inherited,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATA_DIR: options.dataDir,
    // The workspace is seeded by the test; no demo users next to it.
    VANKIEN_DEMO: '0',
    ...options.env,
  };
}

function listeningPort(line: string): number | null {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return entry.msg === 'listening' && typeof entry.port === 'number' ? entry.port : null;
  } catch {
    return null; // not a log line (e.g. a stray console.log)
  }
}

async function killAndWait(child: ChildProcess, exited: Promise<ExitInfo>): Promise<ExitInfo> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const info = await withTimeout(exited, KILL_WAIT_MS);
  if (info === null) throw new Error(`server pid ${child.pid} survived SIGKILL for ${KILL_WAIT_MS} ms`);
  return info;
}

/** Resolves with the promise's value, or null after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeExit(info: ExitInfo): string {
  return info.signal !== null ? `signal ${info.signal}` : `code ${String(info.code)}`;
}
