/** One server-sent event: its name, its JSON text, and the organisation it concerns, if any. */
export interface HubEvent {
  readonly name: string;
  readonly data: string;
  /**
   * The organisation whose comment this is: only subscribers who see every organisation's
   * comments, or that organisation's own, receive it. `committee`: only subscribers who see
   * every organisation's (the committee's internal threads). Undefined: everyone receives it.
   */
  readonly orgId?: number | 'committee' | undefined;
}

/** A listener with what it may see. */
export interface HubSubscriber {
  /** `all`, or the organisations whose comments this subscriber sees. */
  readonly orgs: 'all' | ReadonlySet<number>;
  deliver(event: HubEvent): void;
}

/**
 * In-process publish/subscribe of events by key (a draft id, a user id): what open pages
 * receive over server-sent events. The payload is serialised once per event, however many
 * pages listen. One process holds every stream of its drafts; scale-out would put a
 * Redis channel behind `publish`.
 */
export class EventHub<K> {
  private readonly subscribers = new Map<K, Set<HubSubscriber>>();

  /** Adds a subscriber; returns the unsubscribe function. */
  subscribe(key: K, subscriber: HubSubscriber): () => void {
    let set = this.subscribers.get(key);
    if (set === undefined) {
      set = new Set();
      this.subscribers.set(key, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(key) === set) this.subscribers.delete(key);
    };
  }

  /** Sends `value` as event `name` to every subscriber of `key` allowed to see it. */
  publish(key: K, name: string, value: unknown, orgId?: number | 'committee'): void {
    const set = this.subscribers.get(key);
    if (set === undefined) return;
    const event: HubEvent = { name, data: JSON.stringify(value), orgId };
    for (const subscriber of set) {
      if (
        orgId !== undefined &&
        subscriber.orgs !== 'all' &&
        (orgId === 'committee' || !subscriber.orgs.has(orgId))
      )
        continue;
      try {
        subscriber.deliver(event);
      } catch {
        // One broken stream must not keep the event from the others; its own close cleans it up.
      }
    }
  }

  /** How many subscribers `key` has (for tests and metrics). */
  count(key: K): number {
    return this.subscribers.get(key)?.size ?? 0;
  }
}
