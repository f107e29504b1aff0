import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SharedSocketCount } from '../collab/core/socket-quota.ts';
import type { Clock } from '../time/clock.ts';

/** How long an entry lives without renewal (a dead instance's sockets stop counting after this). */
const ENTRY_TTL_MS = 90_000;
const RENEW_MS = 30_000;

/**
 * Open collaboration sockets per user across instances: one sorted set per user whose members
 * are this deployment's sockets and whose scores are their expiry times, renewed while they
 * live. When Redis does not answer, the socket counts as the only one (the instance's own
 * limit still applies): an outage must not lock people out.
 */
export class RedisSocketCount implements SharedSocketCount {
  private readonly live = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private next = 0;
  private readonly instance = randomBytes(6).toString('hex');

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock,
  ) {
    this.timer = setInterval(() => void this.renew(), RENEW_MS);
    this.timer.unref();
  }

  async register(userId: number): Promise<{ count: number; release: () => void }> {
    const key = `${this.prefix}${userId}`;
    const member = `${this.instance}:${this.next++}`;
    this.live.set(member, userId);
    const release = () => {
      if (!this.live.delete(member)) return;
      this.redis.zrem(key, member).catch(() => undefined);
    };
    try {
      const now = this.clock.now();
      const reply = await this.redis
        .multi()
        .zremrangebyscore(key, '-inf', now)
        .zadd(key, now + ENTRY_TTL_MS, member)
        .pexpire(key, ENTRY_TTL_MS)
        .zcard(key)
        .exec();
      const count = Number(reply?.[3]?.[1]);
      return { count: Number.isFinite(count) ? count : 1, release };
    } catch {
      return { count: 1, release };
    }
  }

  /** Stops renewing (the instance is shutting down; its sockets are closing). */
  close(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    if (this.live.size === 0) return;
    const expires = this.clock.now() + ENTRY_TTL_MS;
    const pipeline = this.redis.pipeline();
    for (const [member, userId] of this.live) {
      pipeline.zadd(`${this.prefix}${userId}`, 'XX', expires, member);
      pipeline.pexpire(`${this.prefix}${userId}`, ENTRY_TTL_MS);
    }
    await pipeline.exec().catch(() => undefined);
  }
}
