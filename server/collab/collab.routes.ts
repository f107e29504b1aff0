import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import { isValidRoomName } from '../../shared/collab/room-name.ts';
import { UnavailableError, ValidationError } from '../http/app-error.ts';
import type { Logger } from '../logger.ts';
import { Connection, type ConnectionLimits } from './connection.ts';
import type { RoomRegistry } from './room-registry.ts';
import { wsPeer } from './ws-peer.ts';

/** What the collaboration endpoint needs. */
export interface CollabRouteDeps {
  readonly registry: RoomRegistry;
  readonly limits: ConnectionLimits & { readonly maxBufferedBytes: number };
  readonly log: Logger;
  /** False once shutdown has begun: new upgrades are refused. */
  readonly isAccepting: () => boolean;
}

/**
 * `GET /collab/:room`: the y-websocket endpoint. The room name is checked before the
 * upgrade, so a bad name never allocates a document; everything after the upgrade is the
 * Connection's business.
 */
export function collabRoutes(deps: CollabRouteDeps): Hono {
  const app = new Hono();
  app.get(
    '/:room',
    async (c, next) => {
      if (!deps.isAccepting()) throw new UnavailableError('server_shutdown', 'The server is shutting down');
      const room = c.req.param('room');
      if (!isValidRoomName(room)) throw new ValidationError('invalid_room_name', 'Invalid room name');
      await next();
    },
    upgradeWebSocket((c) => {
      const room = c.req.param('room') ?? '';
      let connection: Connection | null = null;
      return {
        onOpen(_event, ws) {
          const peer = wsPeer(ws.raw as WebSocket, deps.limits.maxBufferedBytes, deps.log);
          connection = new Connection(peer, room, deps.registry, deps.limits, deps.log);
        },
        onMessage(event) {
          // Hono types the event with the DOM's MessageEvent, which the server's lib does not include.
          const { data } = event as unknown as { data: unknown };
          connection?.receive(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer));
        },
        onClose() {
          connection?.onClose();
        },
      };
    }),
  );
  return app;
}
