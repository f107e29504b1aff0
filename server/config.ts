import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { COLLAB_LIMITS } from '../shared/limits.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  PORT: int(0, 65_535, 3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  TEMPLATES_DIR: z.string().min(1).default('./templates'),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MAX_PAYLOAD_BYTES: int(1024, 64 * 1024 * 1024, COLLAB_LIMITS.maxPayloadBytes),
  RATE_MSGS_PER_SEC: int(1, 10_000_000, COLLAB_LIMITS.messagesPerSecond),
  RATE_MSGS_BURST: int(1, 10_000_000, COLLAB_LIMITS.messagesBurst),
  RATE_BYTES_PER_SEC: int(1024, 10_000_000_000, COLLAB_LIMITS.bytesPerSecond),
  RATE_BYTES_BURST: int(1024, 10_000_000_000, COLLAB_LIMITS.bytesBurst),
  SYNC_TIMEOUT_MS: int(100, 600_000, COLLAB_LIMITS.syncTimeoutMs),
  MAX_SOCKETS_PER_USER: int(1, 100_000, COLLAB_LIMITS.socketsPerUser),
  MAX_SOCKETS_PER_IP: int(0, 1_000_000, COLLAB_LIMITS.socketsPerIp),
  SOCKET_SILENT_MS: int(100, 600_000, 20_000),
  HANDSHAKE_TIMEOUT_MS: int(100, 60_000, 5000),
  MAX_PENDING_PER_IP: int(0, 100_000, 128),
  PING_INTERVAL_MS: int(100, 600_000, 30_000),
  PONG_TIMEOUT_MS: int(100, 600_000, 10_000),
  ROOM_IDLE_MS: int(0, 86_400_000, 60_000),
  MAX_BUFFERED_BYTES: int(1024 * 1024, 1024 * 1024 * 1024, 16 * 1024 * 1024),
  COMMIT_WINDOW_MS: int(0, 1000, 0),
  COMPACT_AFTER_UPDATES: int(2, 10_000_000, 1000),
  COMPACT_AFTER_BYTES: int(1024, 1024 * 1024 * 1024, 8 * 1024 * 1024),
  COMPACT_MIN_INTERVAL_MS: int(0, 86_400_000, 15_000),
  SHUTDOWN_TIMEOUT_MS: int(100, 60_000, 8000),
  // One core stays with the event loop that serves live editors.
  EXPORT_WORKERS: int(1, 64, Math.max(1, Math.min(4, os.availableParallelism() - 1))),
  EXPORT_QUEUE: int(0, 1000, 8),
  HISTORY_INTERVAL_MS: int(100, 86_400_000, 300_000),
  HISTORY_QUIET_MS: int(100, 86_400_000, 120_000),
  HISTORY_KEEP_ALL_HOURS: int(0, 24 * 365, 24),
  HISTORY_HOURLY_DAYS: int(0, 365, 7),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  SESSION_IDLE_MINUTES: int(1, 24 * 60, 30),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 30, 12),
  LOGIN_MAX_FAILURES: int(1, 1000, 5),
  LOGIN_WINDOW_MS: int(1000, 86_400_000, 15 * 60_000),
  ACCESS_RECHECK_MS: int(100, 60_000, 1000),
  VANKIEN_DEMO: z.enum(['0', '1']).default('1'),
  VANKIEN_DEMO_PASSWORD: z.string().min(8).max(256).optional(),
  METRICS_TOKEN: z.string().min(16).max(256).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: int(1, 1000, 10),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
});

const SECRET_KEYS = new Set(['DATABASE_URL', 'REDIS_URL', 'METRICS_TOKEN', 'VANKIEN_DEMO_PASSWORD']);

const origin = (url: string): string => new URL(url).origin;

/** Validated, immutable server configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute directory holding the SQLite database. */
  readonly dataDir: string;
  /** Absolute directory of the shipped outline templates (`<id>.json`). */
  readonly templatesDir: string;
  /** Absolute directory of the built web client (served when it exists). */
  readonly clientDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly collab: {
    readonly maxPayloadBytes: number;
    readonly messagesPerSecond: number;
    readonly messagesBurst: number;
    readonly bytesPerSecond: number;
    readonly bytesBurst: number;
    readonly syncTimeoutMs: number;
    /**
     * Open collaboration sockets per user and per address (0: any number per address); a user
     * at the limit displaces their oldest socket heard nothing from for `silentMs`.
     */
    readonly sockets: { readonly perUser: number; readonly perIp: number; readonly silentMs: number };
    readonly pingIntervalMs: number;
    readonly pongTimeoutMs: number;
    readonly roomIdleMs: number;
    readonly maxBufferedBytes: number;
    readonly compaction: {
      readonly afterUpdates: number;
      readonly afterBytes: number;
      /** A room starts a compaction at most this often (a write burst must not become a compaction storm). */
      readonly minIntervalMs: number;
    };
    /** While commits are frequent, how long an append waits for others to share its commit. */
    readonly commitWindowMs: number;
  };
  readonly shutdownTimeoutMs: number;
  /** Worker threads rendering export files, and how many exports may wait for one (then 503). */
  readonly exports: { readonly workers: number; readonly queue: number };
  /** Connections before their first request or upgrade (issue 18: half-open and silent ones). */
  readonly connections: {
    /** A connection must have sent a complete request head (an upgrade too) within this time. */
    readonly handshakeTimeoutMs: number;
    /** Connections per address still waiting for their request head (0: no limit). */
    readonly pendingPerIp: number;
  };
  /** Automatic snapshots: after `intervalMs` of editing or `quietMs` without edits; all kept for `keepAllMs`, hourly until `hourlyUntilMs`, then daily. */
  readonly history: {
    readonly intervalMs: number;
    readonly quietMs: number;
    readonly keepAllMs: number;
    readonly hourlyUntilMs: number;
  };
  readonly auth: {
    /** Where users reach the app; https makes cookies `Secure` and `__Host-` prefixed. */
    readonly publicUrl: string;
    readonly secureCookies: boolean;
    /** Origins allowed on state-changing requests and WebSocket upgrades (R7, R11). */
    readonly allowedOrigins: readonly string[];
    readonly sessionIdleMs: number;
    readonly sessionAbsoluteMs: number;
    /** How long a session id still works once a role change gave the session a new one (R10). */
    readonly sessionRotationGraceMs: number;
    /** Failed sign-ins per account in the window before 429 (per address: four times as many). */
    readonly loginMaxFailures: number;
    readonly loginWindowMs: number;
    /** How often open sockets check whether their session or rights changed (≤ 5 s, R8). */
    readonly accessRecheckMs: number;
  };
  readonly demo: {
    /** Seed the demo workspace into an empty database at start-up. */
    readonly seed: boolean;
    readonly password: string | undefined;
  };
  /** The bearer token `/metrics` requires; unset, there is no `/metrics` (404). */
  readonly metricsToken: string | undefined;
  /** PostgreSQL (`url`, a pool of `poolSize`) or, with no url, the SQLite file in `dataDir`. */
  readonly database: {
    readonly url: string | undefined;
    readonly poolSize: number;
    readonly dataDir: string;
  };
  /** Redis for fan-out between instances; unset, this is the only instance. */
  readonly redisUrl: string | undefined;
}

/** Thrown when the environment holds an invalid value; its message is one readable line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration. The only reader of the environment: everything
 * else receives the returned object. Empty variables count as unset.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'environment');
    // Connection URLs may carry a password: never echo them.
    const shown = SECRET_KEYS.has(key) ? '(hidden)' : JSON.stringify(env[key] ?? '');
    throw new ConfigError(`Invalid configuration: ${key}=${shown}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL !== undefined && e.DATABASE_URL === undefined)
    throw new ConfigError(
      'Invalid configuration: REDIS_URL=(hidden): several instances must share a PostgreSQL database (set DATABASE_URL)',
    );
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const origins = new Set([origin(publicUrl)]);
  // Unconfigured, the app is reached on this machine by either name.
  if (e.PUBLIC_URL === undefined) origins.add(`http://127.0.0.1:${e.PORT}`);
  for (const item of (e.ALLOWED_ORIGINS ?? '').split(',')) {
    if (item.trim() === '') continue;
    try {
      origins.add(origin(item.trim()));
    } catch {
      throw new ConfigError(`Invalid configuration: ALLOWED_ORIGINS=${JSON.stringify(item)}: not a URL`);
    }
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    templatesDir: path.resolve(e.TEMPLATES_DIR),
    clientDir: path.resolve(e.CLIENT_DIR),
    logLevel: e.LOG_LEVEL,
    collab: Object.freeze({
      maxPayloadBytes: e.MAX_PAYLOAD_BYTES,
      messagesPerSecond: e.RATE_MSGS_PER_SEC,
      messagesBurst: e.RATE_MSGS_BURST,
      bytesPerSecond: e.RATE_BYTES_PER_SEC,
      bytesBurst: Math.max(e.RATE_BYTES_BURST, e.MAX_PAYLOAD_BYTES),
      syncTimeoutMs: e.SYNC_TIMEOUT_MS,
      sockets: Object.freeze({
        perUser: e.MAX_SOCKETS_PER_USER,
        perIp: e.MAX_SOCKETS_PER_IP,
        silentMs: e.SOCKET_SILENT_MS,
      }),
      pingIntervalMs: e.PING_INTERVAL_MS,
      pongTimeoutMs: e.PONG_TIMEOUT_MS,
      roomIdleMs: e.ROOM_IDLE_MS,
      maxBufferedBytes: e.MAX_BUFFERED_BYTES,
      compaction: Object.freeze({
        afterUpdates: e.COMPACT_AFTER_UPDATES,
        afterBytes: e.COMPACT_AFTER_BYTES,
        minIntervalMs: e.COMPACT_MIN_INTERVAL_MS,
      }),
      commitWindowMs: e.COMMIT_WINDOW_MS,
    }),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    exports: Object.freeze({ workers: e.EXPORT_WORKERS, queue: e.EXPORT_QUEUE }),
    connections: Object.freeze({
      handshakeTimeoutMs: e.HANDSHAKE_TIMEOUT_MS,
      pendingPerIp: e.MAX_PENDING_PER_IP,
    }),
    history: Object.freeze({
      intervalMs: e.HISTORY_INTERVAL_MS,
      quietMs: e.HISTORY_QUIET_MS,
      keepAllMs: e.HISTORY_KEEP_ALL_HOURS * 3_600_000,
      hourlyUntilMs: e.HISTORY_HOURLY_DAYS * 86_400_000,
    }),
    auth: Object.freeze({
      publicUrl,
      secureCookies: publicUrl.startsWith('https:'),
      allowedOrigins: Object.freeze([...origins]),
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      // Not an environment setting: long enough for requests already on their way and for open
      // sockets to follow the new id (the access watch checks every few seconds).
      sessionRotationGraceMs: 60_000,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginWindowMs: e.LOGIN_WINDOW_MS,
      accessRecheckMs: e.ACCESS_RECHECK_MS,
    }),
    demo: Object.freeze({ seed: e.VANKIEN_DEMO === '1', password: e.VANKIEN_DEMO_PASSWORD }),
    metricsToken: e.METRICS_TOKEN,
    database: Object.freeze({
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      dataDir: path.resolve(e.DATA_DIR),
    }),
    redisUrl: e.REDIS_URL,
  });
}
