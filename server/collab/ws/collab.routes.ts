import { upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { WebSocket } from 'ws';
import { isValidRoomName } from '../../../shared/collab/room-name.ts';
import { UnavailableError, ValidationError } from '../../http/app-error.ts';
import type { Logger } from '../../logger.ts';
import { closeCodeFor } from '../../../shared/collab/close-codes.ts';
import { Connection, type ConnectionLimits } from '../core/connection.ts';
import type { SharedSocketCount, SocketQuota } from '../core/socket-quota.ts';
import type { Member } from '../core/member.ts';
import type { RoomRegistry } from '../core/room-registry.ts';
import { wsPeer } from './ws-peer.ts';

/** What the collaboration endpoint needs. */
export interface CollabRouteDeps {
  readonly registry: RoomRegistry;
  readonly limits: ConnectionLimits & { readonly maxBufferedBytes: number };
  readonly log: Logger;
  /** False once shutdown has begun: new upgrades are refused. */
  readonly isAccepting: () => boolean;
  /**
   * Authenticates and authorises an upgrade, throwing the HTTP error that refuses it; the
   * returned `watch` keeps the open connection in step with the user's rights.
   */
  readonly admit: (c: Context, room: string) => Promise<Admission>;
  /** Open sockets per user and per address (R4). */
  readonly quota: SocketQuota;
  /** Sockets held on other instances too (scale-out). */
  readonly sharedSockets?: SharedSocketCount | undefined;
}

/** An admitted upgrade. */
export interface Admission {
  readonly member: Member;
  /** Starts re-checking the connection's rights; returns the function that stops it. */
  watch(connection: Connection): () => void;
}

type CollabEnv = { Variables: { admission: Admission; ip: string } };

/**
 * `GET /collab/:room`: the y-websocket endpoint. The room name is checked before the
 * upgrade, so a bad name never allocates a document; everything after the upgrade is the
 * Connection's business.
 */
export function collabRoutes(deps: CollabRouteDeps): Hono<CollabEnv> {
  const app = new Hono<CollabEnv>();
  app.get(
    '/:room',
    async (c, next) => {
      if (!deps.isAccepting()) throw new UnavailableError('server_shutdown', 'The server is shutting down');
      const room = c.req.param('room');
      if (!isValidRoomName(room)) throw new ValidationError('invalid_room_name', 'Invalid room name');
      c.set('admission', await deps.admit(c, room));
      c.set('ip', getConnInfo(c).remote.address ?? 'unknown');
      await next();
    },
    upgradeWebSocket((c) => {
      const room = c.req.param('room') ?? '';
      // upgradeWebSocket types its context loosely; the middleware above set this variable.
      const admission = (c as Context<CollabEnv>).get('admission');
      const ip = (c as Context<CollabEnv>).get('ip');
      let connection: Connection | null = null;
      let unwatch: (() => void) | null = null;
      let release: (() => void) | null = null;
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          let lastHeard = performance.now();
          const heard = () => (lastHeard = performance.now());
          raw.on('message', heard).on('pong', heard);
          release = deps.quota.take(admission.member.userId, ip, {
            lastHeardAt: () => lastHeard,
            evict() {
              deps.log.warn(
                { room, userId: admission.member.userId, ip },
                'silent socket dropped for its user’s new one',
              );
              // Silent: a close handshake would wait on a peer that does not answer.
              raw.terminate();
            },
          });
          if (release === null) {
            deps.log.warn({ room, userId: admission.member.userId, ip }, 'socket refused: too many open');
            ws.close(closeCodeFor('too_many_connections'), 'too_many_connections');
            return;
          }
          const peer = wsPeer(raw, deps.limits.maxBufferedBytes, deps.log);
          connection = new Connection(peer, room, admission.member, deps.registry, deps.limits, deps.log);
          unwatch = admission.watch(connection);
          // Other instances' sockets count too; checked once open, so no message is missed meanwhile.
          const local = release;
          void deps.sharedSockets
            ?.register(admission.member.userId)
            .then(({ count, release: unregister }) => {
              release = () => {
                local();
                unregister();
              };
              if (raw.readyState !== raw.OPEN) return release();
              if (count <= deps.quota.perUser) return;
              deps.log.warn(
                { room, userId: admission.member.userId },
                'socket refused: too many open on all instances',
              );
              ws.close(closeCodeFor('too_many_connections'), 'too_many_connections');
            });
        },
        onMessage(event) {
          // Hono types the event with the DOM's MessageEvent, which the server's lib does not include.
          const { data } = event as unknown as { data: unknown };
          connection?.receive(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer));
        },
        onClose() {
          release?.();
          unwatch?.();
          connection?.onClose();
        },
      };
    }),
  );
  return app;
}
