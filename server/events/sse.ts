import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HubEvent } from './event-hub.ts';

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * Answers with a server-sent event stream fed by `subscribe`, which must already have
 * checked access (so a refusal is a plain JSON error, not a stream). Events that arrive
 * before the stream starts are queued, none lost; unsubscribes when the client goes.
 */
export async function sseFrom(
  c: Context,
  subscribe: (deliver: (event: HubEvent) => void) => Promise<() => void>,
): Promise<Response> {
  const pending: HubEvent[] = [];
  let push: ((event: HubEvent) => void) | null = null;
  const unsubscribe = await subscribe((event) => (push === null ? pending.push(event) : push(event)));
  return streamSSE(c, async (stream) => {
    let closed = false;
    stream.onAbort(() => {
      closed = true;
      unsubscribe();
    });
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
