import type { z } from 'zod';

/**
 * One server-sent event stream (`/api/drafts/{id}/events` or `/api/notifications/events`)
 * shared by every controller of a page: a browser allows few connections per host, so a page
 * opens each stream once and each controller listens for its own event names. Events are
 * parsed with the shared schema; a garbled one is skipped (the next carries fresh state).
 */
export class EventStream {
  private readonly source: EventSource;
  private readonly reopenListeners = new Set<() => void>();

  constructor(url: string) {
    this.source = new EventSource(url);
    // EventSource reconnects by itself; listeners reload what they may have missed meanwhile.
    let opened = false;
    this.source.addEventListener('open', () => {
      if (opened) for (const listener of this.reopenListeners) listener();
      opened = true;
    });
  }

  /** Calls `handler` with each `name` event that parses as `schema`. Returns the unsubscribe function. */
  on<T extends z.ZodType>(name: string, schema: T, handler: (value: z.infer<T>) => void): () => void {
    const listener = (event: Event) => {
      const parsed = schema.safeParse(parseJSON((event as MessageEvent<string>).data));
      if (parsed.success) handler(parsed.data);
    };
    this.source.addEventListener(name, listener);
    return () => this.source.removeEventListener(name, listener);
  }

  /** Calls `listener` when the stream comes back after a drop (events may have been missed). */
  onReopen(listener: () => void): () => void {
    this.reopenListeners.add(listener);
    return () => this.reopenListeners.delete(listener);
  }

  /** Closes the stream for good. */
  close(): void {
    this.source.close();
    this.reopenListeners.clear();
  }
}

/** JSON or undefined. */
function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
