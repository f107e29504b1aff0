import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HubEvent } from './event-hub.ts';

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * Registers an open stream with whatever ends it from the server's side (the credential was
 * signed out or expired, access was lost); returns the function that unregisters it.
 */
export type StreamGuard = (end: () => void) => () => void;

/**
 * Answers with a server-sent event stream fed by `subscribe`, which must already have
 * checked access (so a refusal is a plain JSON error, not a stream). Events that arrive
 * before the stream starts are queued, none lost; unsubscribes when the client goes, or when
 * `guard` ends the stream (the browser's EventSource then reconnects and is refused).
 */
export async function sseFrom(
  c: Context,
  subscribe: (deliver: (event: HubEvent) => void) => Promise<() => void>,
  guard?: StreamGuard,
): Promise<Response> {
  const pending: HubEvent[] = [];
  let push: ((event: HubEvent) => void) | null = null;
  const unsubscribe = await subscribe((event) => (push === null ? pending.push(event) : push(event)));
  return streamSSE(c, async (stream) => {
    let closed = false;
    const finish = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      unguard?.();
    };
    // Declared after `finish`, which only runs later (an abort, or the guard's own end).
    const unguard = guard?.(() => {
      finish();
      void stream.close();
    });
    stream.onAbort(finish);
    push = (event) => {
      if (!closed) void stream.writeSSE({ event: event.name, data: event.data });
    };
    for (const event of pending.splice(0)) push(event);
    while (!closed) {
      await stream.sleep(KEEPALIVE_MS);
      if (!closed) await stream.write(': keepalive\n\n');
    }
  });
}
