import type { WindowCounter } from '../limits/window-counter.ts';
import type { Clock } from '../time/clock.ts';

/** Failed sign-ins allowed per account in a window; an address gets this many times more. */
const PER_ADDRESS_FACTOR = 4;

/**
 * Counts failed sign-ins per account and per client address in fixed windows (R12). A key
 * that reached its limit is refused (429) before any password is hashed, until its window
 * ends; a successful sign-in clears the account's counter. The counters are shared by the
 * instances of a deployment when it has several (Redis), so the limit holds across them.
 */
export class LoginThrottle {
  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly counter: WindowCounter,
    private readonly clock: Clock,
  ) {}

  /** Seconds until `username` from `address` may try again, or 0 if it may now. */
  async retryAfterS(username: string, address: string): Promise<number> {
    const [user, from] = await Promise.all([
      this.counter.read(`u:${username}`),
      this.counter.read(`a:${address}`),
    ]);
    const now = this.clock.now();
    const until = Math.max(
      user !== null && user.count >= this.maxFailures ? user.resetAt : 0,
      from !== null && from.count >= this.maxFailures * PER_ADDRESS_FACTOR ? from.resetAt : 0,
    );
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Counts a failed attempt. */
  async fail(username: string, address: string): Promise<void> {
    await Promise.all([
      this.counter.hit(`u:${username}`, this.windowMs),
      this.counter.hit(`a:${address}`, this.windowMs),
    ]);
  }

  /** Clears the account's counter after a successful sign-in. */
  async succeed(username: string): Promise<void> {
    await this.counter.clear(`u:${username}`);
  }
}
