import { randomBytes } from 'node:crypto';
import { WebSocket, type WebSocketServer } from 'ws';
import type { Logger } from '../../logger.ts';
import type { Peer } from '../core/peer.ts';

/** Adapts a `ws` socket to the core's {@link Peer}; a client that stops reading is dropped. */
export function wsPeer(ws: WebSocket, maxBufferedBytes: number, log: Logger): Peer {
  const id = randomBytes(4).toString('hex');
  return {
    id,
    send(data) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > maxBufferedBytes) {
        // A close frame would queue behind the backlog it is meant to end.
        log.warn({ peer: id, buffered: ws.bufferedAmount }, 'slow consumer dropped');
        ws.terminate();
        return;
      }
      ws.send(data, { binary: true });
    },
    close(code, reason) {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
    },
  };
}

/**
 * Guards every socket of the server from the moment it exists: an `error` listener (a
 * protocol violation emits 'error', and an unhandled one would end the process, R2) and
 * ping/pong liveness (ping every `intervalMs`, terminate without a pong in `timeoutMs`, R5).
 * Returns a function that stops the timer.
 */
export function guardSockets(
  wss: WebSocketServer,
  options: { intervalMs: number; timeoutMs: number; log: Logger },
): () => void {
  const lastPing = new WeakMap<WebSocket, number>();
  const waiting = new WeakMap<WebSocket, number>();
  wss.on('error', (error) => options.log.error({ err: error }, 'websocket server error'));
  wss.on('connection', (ws) => {
    lastPing.set(ws, performance.now());
    ws.on('error', (error) => options.log.warn({ err: error.message }, 'websocket protocol error'));
    ws.on('pong', () => waiting.delete(ws));
  });
  const tick = setInterval(
    () => {
      const now = performance.now();
      for (const ws of wss.clients) {
        const since = waiting.get(ws);
        if (since !== undefined) {
          if (now - since > options.timeoutMs) ws.terminate();
        } else if (now - (lastPing.get(ws) ?? 0) >= options.intervalMs) {
          lastPing.set(ws, now);
          waiting.set(ws, now);
          ws.ping();
        }
      }
    },
    Math.max(50, Math.min(options.intervalMs, options.timeoutMs) / 2),
  );
  tick.unref();
  return () => clearInterval(tick);
}
