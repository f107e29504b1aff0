import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../shared/collab/close-codes.ts';
import { collabRoutes } from './collab/collab.routes.ts';
import type { DocStore } from './collab/doc-store.ts';
import { RoomRegistry } from './collab/room-registry.ts';
import { SqliteDocStore } from './collab/sqlite-doc-store.ts';
import { guardSockets } from './collab/ws-peer.ts';
import type { Config } from './config.ts';
import type { OpenDatabase } from './db/database.ts';
import { errorHandler, notFoundHandler } from './http/on-error.ts';
import type { Logger } from './logger.ts';

/** What the composition root is built from. */
export interface AppDeps {
  readonly config: Config;
  readonly log: Logger;
  readonly database: OpenDatabase;
}

/** The assembled application: the HTTP app, its WebSocket server and the collab core. */
export interface App {
  readonly hono: Hono;
  readonly wss: WebSocketServer;
  readonly registry: RoomRegistry;
  readonly store: DocStore;
  /** Refuses new upgrades, closes sockets with 1001, waits for every write, unloads rooms. */
  shutdown(): Promise<void>;
}

/** The composition root: the only place that wires modules together. */
export function createApp({ config, log, database }: AppDeps): App {
  const store = new SqliteDocStore({
    db: database.db,
    sqlite: database.sqlite,
    file: database.file,
    commitWindowMs: config.collab.commitWindowMs,
  });
  const registry = new RoomRegistry({
    store,
    log: log.child({ module: 'collab' }),
    roomIdleMs: config.collab.roomIdleMs,
    compaction: config.collab.compaction,
  });
  // noServer: node-server routes each upgrade through the Hono app, so middleware runs first.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.collab.maxPayloadBytes });
  const stopGuard = guardSockets(wss, {
    intervalMs: config.collab.pingIntervalMs,
    timeoutMs: config.collab.pongTimeoutMs,
    log,
  });
  let accepting = true;

  const hono = new Hono();
  hono.get('/healthz', (c) => c.json({ ok: true }));
  hono.route(
    '/collab',
    collabRoutes({
      registry,
      limits: config.collab,
      log: log.child({ module: 'collab' }),
      isAccepting: () => accepting,
    }),
  );
  hono.onError(errorHandler(log));
  hono.notFound(notFoundHandler);

  return {
    hono,
    wss,
    registry,
    store,
    async shutdown() {
      accepting = false;
      stopGuard();
      registry.closeAll(CloseCode.GoingAway, 'server_shutdown');
      await registry.compactAll(config.shutdownTimeoutMs / 4);
      await store.close();
      registry.unloadAll();
    },
  };
}
