import type { Redis } from 'ioredis';
import type { WindowCount, WindowCounter } from '../limits/window-counter.ts';
import { MemoryWindowCounter } from '../limits/window-counter.ts';
import type { Clock } from '../time/clock.ts';

/**
 * A {@link WindowCounter} shared by the instances of a deployment in Redis: a key per counter,
 * expiring with its window. When Redis does not answer, this instance counts alone in memory
 * meanwhile: limits get looser for a while, but nobody is locked out by an outage.
 */
export class RedisWindowCounter implements WindowCounter {
  private readonly fallback: MemoryWindowCounter;

  constructor(
    private readonly redis: Redis,
    /** Keeps this deployment's and this counter's keys apart. */
    private readonly prefix: string,
    private readonly clock: Clock,
  ) {
    this.fallback = new MemoryWindowCounter(clock);
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    try {
      const reply = await this.redis
        .multi()
        .incr(this.prefix + key)
        .pexpire(this.prefix + key, windowMs, 'NX')
        .pttl(this.prefix + key)
        .exec();
      const count = Number(reply?.[0]?.[1]);
      const ttl = Number(reply?.[2]?.[1]);
      if (!Number.isFinite(count) || !Number.isFinite(ttl)) throw new Error('no reply');
      return { count, resetAt: this.clock.now() + Math.max(0, ttl) };
    } catch {
      return this.fallback.hit(key, windowMs);
    }
  }

  async read(key: string): Promise<WindowCount | null> {
    try {
      const [[, count], [, ttl]] = (await this.redis
        .multi()
        .get(this.prefix + key)
        .pttl(this.prefix + key)
        .exec()) as [[unknown, string | null], [unknown, number]];
      return count === null || ttl <= 0 ? null : { count: Number(count), resetAt: this.clock.now() + ttl };
    } catch {
      return this.fallback.read(key);
    }
  }

  async undo(key: string): Promise<void> {
    await this.redis.decr(this.prefix + key).catch(() => this.fallback.undo(key));
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key).catch(() => this.fallback.clear(key));
  }
}
