import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { WindowCounter } from '../limits/window-counter.ts';
import type { Logger } from '../logger.ts';
import { RedisSocketCount } from './redis-socket-count.ts';
import { RedisWindowCounter } from './redis-window-counter.ts';
import type { Clock } from '../time/clock.ts';

/** A message from another instance on a channel. */
export type ChannelListener = (payload: Buffer) => void;

/** How long joining a channel may wait for Redis before the room loads anyway (catch-up covers it). */
const SUBSCRIBE_WAIT_MS = 1000;

/**
 * Whether some other instance listens on a channel this one holds. A receiver count is
 * trusted only for a PUBLISH sent while our own subscription was confirmed (`listening`), and
 * `epoch` moves whenever another instance says hello, so a count that predates the hello
 * cannot mark the channel lonely again.
 */
interface Audience {
  others: boolean;
  epoch: number;
  listening: boolean;
}

/**
 * This instance's link to the others through Redis pub/sub: one connection publishes, one
 * listens. Every message carries the sender's random id, so an instance ignores its own.
 * Redis here is a courier, never a store: when it is down, publishing fails at once (no
 * queue grows in memory) and everything durable is in the database; when it is back, the
 * listeners of {@link onReconnect} fetch what they missed.
 *
 * A channel only this instance listens on is not published to: where the proxy keeps each
 * draft's editors on one instance (docs/scale-out.md), every edit would otherwise make a trip
 * to Redis and back for nobody. PUBLISH answers how many connections received a message; an
 * answer of one (our own listener) marks the channel lonely. An instance that starts
 * listening, or listens again after a reconnect, says hello (a message of its id alone), and
 * the others publish again from then on. Something committed between a newcomer's read of
 * the log and the hello's arrival is not lost: the room's next message shows the gap, and
 * the registry's periodic head check reads it within seconds at worst.
 */
export class RedisCluster {
  readonly instance = randomBytes(8);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channels = new Map<string, Set<ChannelListener>>();
  private readonly audiences = new Map<string, Audience>();
  private skipped = 0;
  private readonly reconnectListeners = new Set<() => void>();
  private connectedOnce = false;
  private socketCount: RedisSocketCount | null = null;

  /**
   * `scope` names the deployment (derived from its database): pub/sub channels are global to
   * a Redis server, and two deployments sharing one must never hear each other's drafts.
   */
  constructor(
    url: string,
    private readonly scope: string,
    log: Logger,
    private readonly clock: Clock,
  ) {
    // Not auto-pipelined: it merged PUBLISHes into fewer writes but cost the instance more CPU
    // (bench/README.md, "Figures of 2026-12-08, later").
    this.pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.sub = new Redis(url, { autoResubscribe: true, maxRetriesPerRequest: null });
    let down = false;
    for (const client of [this.pub, this.sub])
      client.on('error', (error: Error) => {
        if (!down) log.warn({ err: error }, 'Redis unreachable; instances fall back to reading the log');
        down = true;
      });
    this.sub.on('close', () => {
      for (const audience of this.audiences.values())
        Object.assign(audience, { listening: false, others: true });
    });
    this.sub.on('ready', () => {
      down = false;
      if (this.connectedOnce) {
        // Others may have gone quiet on our channels while we were away: listen out loud again.
        for (const name of this.channels.keys()) this.listen(name).catch(() => undefined);
        for (const listener of this.reconnectListeners) listener();
      }
      this.connectedOnce = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (message.length < 8 || message.subarray(0, 8).equals(this.instance)) return;
      const name = channel.toString().slice(this.prefix.length);
      if (message.length === 8) {
        const audience = this.audiences.get(name);
        if (audience !== undefined) {
          audience.others = true;
          audience.epoch += 1;
        }
        return;
      }
      const listeners = this.channels.get(name);
      for (const listener of listeners ?? []) listener(message.subarray(8));
    });
  }

  private get prefix(): string {
    return `vankien:${this.scope}:`;
  }

  /** Whether Redis answers (the health check). */
  async ping(): Promise<boolean> {
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /** How many messages were not published because no other instance listened (for tests). */
  get skippedPublishes(): number {
    return this.skipped;
  }

  /**
   * Publishes to the other instances; a failure (Redis down) is dropped: readers catch up.
   * On a channel this instance listens on and nobody else does, nothing is sent.
   */
  publish(channel: string, payload: Uint8Array): void {
    const audience = this.audiences.get(channel);
    if (audience?.listening === true && !audience.others) {
      this.skipped += 1;
      return;
    }
    const trusted = audience?.listening === true ? audience.epoch : null;
    const message = Buffer.concat([this.instance, payload]);
    this.pub.publish(this.prefix + channel, message).then(
      (receivers) => {
        // One receiver is our own subscription: nobody else listens (until a hello says otherwise).
        if (receivers <= 1 && audience?.listening === true && audience.epoch === trusted)
          audience.others = false;
      },
      () => undefined,
    );
  }

  /** (Re)subscribes to a channel, then tells the instances on it that this one listens. */
  private async listen(channel: string): Promise<void> {
    const audience = this.audiences.get(channel);
    await this.sub.subscribe(this.prefix + channel);
    // Left meanwhile, perhaps joined again: that subscription vouches for itself.
    if (audience === undefined || this.audiences.get(channel) !== audience) return;
    Object.assign(audience, { listening: true, others: true, epoch: audience.epoch + 1 });
    await this.pub.publish(this.prefix + channel, this.instance);
  }

  /** Listens to a channel; resolves once subscribed, or after a short wait if Redis is away. */
  async subscribe(channel: string, listener: ChannelListener): Promise<() => void> {
    let listeners = this.channels.get(channel);
    const first = listeners === undefined;
    if (listeners === undefined) {
      listeners = new Set();
      this.channels.set(channel, listeners);
    }
    listeners.add(listener);
    if (first) {
      this.audiences.set(channel, { others: true, epoch: 0, listening: false });
      // The hello is on its way to the others before the caller reads the log.
      const subscribed = this.listen(channel).catch(() => undefined);
      await Promise.race([
        subscribed,
        new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref()),
      ]);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.channels.get(channel) !== listeners) return;
      this.channels.delete(channel);
      this.audiences.delete(channel);
      this.sub.unsubscribe(this.prefix + channel).catch(() => undefined);
    };
  }

  /** A counter shared by the instances, under this deployment's name and `name`. */
  counter(name: string): WindowCounter {
    return new RedisWindowCounter(this.pub, `${this.prefix}limits:${name}:`, this.clock);
  }

  /** Every instance's open collaboration sockets per user. */
  sockets(): RedisSocketCount {
    return (this.socketCount ??= new RedisSocketCount(this.pub, `${this.prefix}sockets:`, this.clock));
  }

  /** Called each time the link to Redis is back after a loss. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.socketCount?.close();
    this.reconnectListeners.clear();
    this.channels.clear();
    this.audiences.clear();
    this.pub.disconnect();
    this.sub.disconnect();
    await Promise.resolve();
  }
}
