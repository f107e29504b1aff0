import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../shared/collab/close-codes.ts';
import type { ConsultationAccess } from './access/access.service.ts';
import { CollabGate } from './access/collab-gate.ts';
import { SocketAccessWatch } from './access/socket-access-watch.ts';
import type { CookiePolicy } from './auth/session-cookie.ts';
import { collabRoutes } from './collab/ws/collab.routes.ts';
import type { DocStore } from './collab/core/doc-store.ts';
import type { RoomRegistry } from './collab/core/room-registry.ts';
import { createCollabCore } from './collab/collab-core.ts';
import { SocketQuota } from './collab/core/socket-quota.ts';
import { guardSockets } from './collab/ws/ws-peer.ts';
import type { Config } from './config.ts';
import { deploymentScope, type OpenDatabase } from './db/database.ts';
import { RedisCluster } from './cluster/redis-cluster.ts';
import { redisEventRelay } from './cluster/redis-event-relay.ts';
import { RedisFanout } from './cluster/redis-fanout.ts';
import { apiRoutes } from './http/api.ts';
import { MemoryWindowCounter } from './limits/window-counter.ts';
import { healthRoutes } from './http/health.routes.ts';
import { requestBodyLimit } from './http/body-limit.ts';
import { serveClient } from './http/client-assets.ts';
import { compression } from './http/compression.ts';
import { errorHandler, notFoundHandler } from './http/on-error.ts';
import type { Logger } from './logger.ts';
import { createAppMetrics } from './metrics/app-metrics.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { RenderPool } from './render/render-pool.ts';
import { createServices, type Services } from './services.ts';
import { checkpointIfLarge } from './db/sqlite.ts';
import { EditFeed } from './events/edit-feed.ts';
import { startJobs } from './jobs.ts';
import { systemClock, type Clock } from './time/clock.ts';

/** What the composition root is built from. */
export interface AppDeps {
  readonly config: Config;
  readonly log: Logger;
  readonly database: OpenDatabase;
  /** Which orgs are invited to open rounds; the rounds module plugs in here (tests pass a fixture). */
  readonly consultations?: ConsultationAccess | undefined;
  /** The time of the whole server (tests pass a clock they move; otherwise the system clock). */
  readonly clock?: Clock | undefined;
}

/** The assembled application: the HTTP app, its WebSocket server and the collab core. */
export interface App {
  readonly hono: Hono;
  readonly wss: WebSocketServer;
  readonly registry: RoomRegistry;
  readonly store: DocStore;
  readonly services: Services;
  /** Keeps open sockets in step with rights; `nextCheck` tells when a change has reached them. */
  readonly accessWatch: Pick<SocketAccessWatch, 'nextCheck'>;
  /** Stops the jobs, refuses new upgrades, closes sockets with 1001, waits for every write, unloads rooms. */
  shutdown(): Promise<void>;
}

const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
/** How often "last edited by" notes are written down (a crash loses at most this much of them). */
const EDIT_FLUSH_MS = 5_000;

/**
 * The composition root: the only place that wires modules together and starts periodic
 * jobs. Everything is built once, in dependency order, and never rewired: where two parts
 * need each other, a small port built first stands between them (the edit feed between the
 * collab core and the services that hear of edits).
 */
export function createApp({ config, log, database, consultations, clock = systemClock }: AppDeps): App {
  // Exports render on worker threads: seconds of CPU must not stall the live editors.
  const renderer = new RenderPool(config.exports);
  // noServer: node-server routes each upgrade through the Hono app, so middleware runs first.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.collab.maxPayloadBytes });
  // Several instances: Redis carries live traffic between them (the database stays the truth).
  const cluster =
    config.redisUrl === undefined
      ? null
      : new RedisCluster(config.redisUrl, deploymentScope(database), log.child({ module: 'cluster' }), clock);
  // The core publishes accepted edits here; the drafts and history services subscribe when built.
  const edits = new EditFeed();
  // The meter counts the core's commits; the gauges are read at scrape time, when the rooms
  // below exist (the core needs the meter, so the metrics come first).
  const metrics = createAppMetrics({
    connections: () => wss.clients.size,
    rooms: () => registry.size,
    exportQueue: () => renderer.waiting,
  });
  const { store, registry, texts } = createCollabCore(
    database,
    config.collab,
    log,
    clock,
    edits.publish,
    metrics.meter,
    cluster === null ? undefined : new RedisFanout(cluster),
  );
  const services = createServices(database.db, config.auth, {
    clock,
    texts,
    edits,
    consultations,
    renderer,
    history: { policy: config.history, log: log.child({ module: 'history' }) },
    relays:
      cluster === null
        ? undefined
        : { drafts: redisEventRelay(cluster, 'drafts'), users: redisEventRelay(cluster, 'users') },
    signInCounter: cluster?.counter('sign-in'),
  });
  const stopJobs = startJobs(
    [
      // Automatic snapshots are due by age or quiet; checking a few times per period is enough.
      {
        name: 'history snapshot',
        everyMs: Math.max(50, Math.min(config.history.intervalMs, config.history.quietMs) / 4),
        run: () => services.history.tick(),
      },
      // Long-lived readers can starve automatic checkpoints; keep the WAL bounded.
      {
        name: 'WAL checkpoint',
        everyMs: 30_000,
        run: () => {
          if (database.kind === 'sqlite' && checkpointIfLarge(database.sqlite, WAL_LIMIT_BYTES))
            log.info({}, 'WAL checkpointed');
        },
      },
      // Expiry is enforced on every use; this only keeps dead rows from piling up.
      { name: 'session sweep', everyMs: 600_000, run: () => services.sessions.sweep() },
      // Rounds past their deadline stop taking comments at once (reads check the deadline); this
      // also ends invited commenters' access on open sockets and tells open pages, within a minute.
      { name: 'round sweep', everyMs: 30_000, run: () => services.rounds.sweep() },
      // "Last edited by" is noted in memory on every edit and written down every few seconds.
      { name: 'last-edited-by flush', everyMs: EDIT_FLUSH_MS, run: () => services.drafts.flushEdits() },
    ],
    log,
  );
  const cookies: CookiePolicy = {
    secure: config.auth.secureCookies,
    maxAgeS: config.auth.sessionAbsoluteMs / 1000,
  };
  const stopGuard = guardSockets(wss, {
    intervalMs: config.collab.pingIntervalMs,
    timeoutMs: config.collab.pongTimeoutMs,
    log,
  });
  let accepting = true;
  const gate = new CollabGate({
    auth: services.auth,
    access: services.access,
    cookies,
    allowedOrigins: config.auth.allowedOrigins,
  });
  const watch = new SocketAccessWatch({
    auth: services.auth,
    access: services.access,
    epoch: services.epoch,
    clock,
    touchSessions: (ids) => services.sessions.touch(ids),
    intervalMs: config.auth.accessRecheckMs,
    log: log.child({ module: 'access' }),
  });

  const hono = new Hono();
  hono.use('*', requestBodyLimit());
  hono.use('*', compression());
  hono.route(
    '/',
    healthRoutes({ database: () => database.ping(), redis: cluster === null ? null : () => cluster.ping() }),
  );
  if (config.metricsToken !== undefined)
    hono.route(
      '/',
      metricsRoutes(config.metricsToken, () => metrics.render()),
    );
  hono.route(
    '/api',
    apiRoutes(services, {
      cookies,
      allowedOrigins: config.auth.allowedOrigins,
      watch: (stream, grant) => watch.watch(stream, grant),
      exportCounter: cluster?.counter('export') ?? new MemoryWindowCounter(clock),
    }),
  );
  hono.route(
    '/collab',
    collabRoutes({
      registry,
      limits: config.collab,
      log: log.child({ module: 'collab' }),
      isAccepting: () => accepting,
      quota: new SocketQuota(config.collab.sockets),
      sharedSockets: cluster?.sockets(),
      admit: async (c, room) => {
        const { member, grant } = await gate.admit(c, room);
        return { member, watch: (connection) => watch.watch(connection, grant) };
      },
    }),
  );
  serveClient(hono, config.clientDir);
  hono.onError(errorHandler(log));
  hono.notFound(notFoundHandler);

  return {
    hono,
    wss,
    registry,
    store,
    services,
    accessWatch: watch,
    async shutdown() {
      stopJobs();
      accepting = false;
      metrics.stop();
      stopGuard();
      watch.stop();
      registry.closeAll(CloseCode.GoingAway, 'server_shutdown');
      // The editors have left: each open span of editing gets its snapshot.
      await services.history.tick(true);
      await registry.compactAll(config.shutdownTimeoutMs / 4);
      await services.drafts
        .flushEdits()
        .catch((error: unknown) => log.error({ err: error }, 'last edits not written'));
      await store.close();
      await renderer.close();
      registry.unloadAll();
      await cluster?.close();
    },
  };
}
