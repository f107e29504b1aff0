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
 * Carries events to the other instances of a deployment and theirs to this one (Redis
 * pub/sub, see server/cluster); absent, this instance holds every open page.
 */
export interface HubRelay {
  send(key: string, event: HubEvent): void;
  /** Registers the function that hands other instances' events to this hub. */
  listen(deliver: (key: string, event: HubEvent) => void): void;
}

/**
 * Publish/subscribe of events by key (a draft id, a user id): what open pages receive over
 * server-sent events. The payload is serialised once per event, however many pages listen.
 * With a relay, an event published on one instance reaches the pages open on every other.
 */
export class EventHub<K extends string | number> {
  private readonly subscribers = new Map<string, Set<HubSubscriber>>();

  constructor(private readonly relay?: HubRelay) {
    relay?.listen((key, event) => this.deliver(key, event));
  }

  /** Adds a subscriber; returns the unsubscribe function. */
  subscribe(key: K, subscriber: HubSubscriber): () => void {
    const name = String(key);
    let set = this.subscribers.get(name);
    if (set === undefined) {
      set = new Set();
      this.subscribers.set(name, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(name) === set) this.subscribers.delete(name);
    };
  }

  /** Sends `value` as event `name` to every subscriber of `key` allowed to see it. */
  publish(key: K, name: string, value: unknown, orgId?: number | 'committee'): void {
    const event: HubEvent = { name, data: JSON.stringify(value), orgId };
    this.deliver(String(key), event);
    this.relay?.send(String(key), event);
  }

  private deliver(key: string, event: HubEvent): void {
    const set = this.subscribers.get(key);
    if (set === undefined) return;
    const { orgId } = event;
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
    return this.subscribers.get(String(key))?.size ?? 0;
  }
}
