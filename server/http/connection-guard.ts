import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.ts';

/** Bounds on connections that have not yet sent their first request head. */
export interface ConnectionGuardOptions {
  /** A connection must have sent a complete request head (an upgrade too) within this time. */
  readonly handshakeTimeoutMs: number;
  /** Such connections per remote address (0: no limit). */
  readonly pendingPerIp: number;
  readonly log: Logger;
}

/**
 * Closes connections that stay silent after the TCP handshake, and caps how many of them one
 * address may hold (issue 18): Node checks its own `headersTimeout` only every
 * `connectionsCheckingInterval` (30 s by default), so half-open connections used to stay ~38 s
 * and pile up memory. A connection counts as pending from `connection` until its first
 * `request` or `upgrade`; later requests on a kept-alive connection are Node's
 * `headersTimeout`'s business. Call once the server's own 'upgrade' listeners are in place.
 */
export function guardConnections(server: Server, options: ConnectionGuardOptions): void {
  const pending = new Map<string, number>();
  const arrived = new WeakMap<Duplex, () => void>();
  let refused = 0;
  server.on('connection', (socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    const count = pending.get(ip) ?? 0;
    if (options.pendingPerIp > 0 && count >= options.pendingPerIp) {
      // Logged once per burst, not per connection: a flood must not become a log flood.
      if (refused++ % 1000 === 0)
        options.log.warn({ ip, pending: count }, 'connection refused: too many pending');
      socket.destroy();
      return;
    }
    pending.set(ip, count + 1);
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('close', settle);
      const left = (pending.get(ip) ?? 1) - 1;
      if (left <= 0) pending.delete(ip);
      else pending.set(ip, left);
    };
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
    }, options.handshakeTimeoutMs);
    timer.unref();
    socket.once('close', settle);
    arrived.set(socket, settle);
  });
  server.on('request', (request: IncomingMessage) => arrived.get(request.socket)?.());
  // @hono/node-server answers a refused upgrade itself only while it is the sole 'upgrade'
  // listener, so ours wraps the listeners already there instead of joining them.
  const upgradeListeners = server.listeners('upgrade') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    arrived.get(socket)?.();
    for (const listener of upgradeListeners) listener.call(server, request, socket, head);
  });
}
