/** Failed sign-ins allowed per account in a window; an address gets this many times more. */
const PER_ADDRESS_FACTOR = 4;
/** Counters kept at most; past it, expired ones are swept (a flood of names cannot grow memory). */
const MAX_KEYS = 50_000;

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed sign-ins per account and per client address in fixed windows (R12). A key
 * that reached its limit is refused (429) before any password is hashed, until its window
 * ends; a successful sign-in clears the account's counter.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `username` from `address` may try again, or 0 if it may now. */
  retryAfterS(username: string, address: string): number {
    const now = Date.now();
    const blocked = [
      this.blockedUntil(`u:${username}`, this.maxFailures, now),
      this.blockedUntil(`a:${address}`, this.maxFailures * PER_ADDRESS_FACTOR, now),
    ];
    const until = Math.max(...blocked);
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Counts a failed attempt. */
  fail(username: string, address: string): void {
    const now = Date.now();
    if (this.windows.size >= MAX_KEYS) this.sweep(now);
    for (const key of [`u:${username}`, `a:${address}`]) {
      const window = this.windows.get(key);
      if (window === undefined || window.resetAt <= now)
        this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
      else window.failures++;
    }
  }

  /** Clears the account's counter after a successful sign-in. */
  succeed(username: string): void {
    this.windows.delete(`u:${username}`);
  }

  private blockedUntil(key: string, limit: number, now: number): number {
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) return 0;
    return window.failures >= limit ? window.resetAt : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full: every key is recent, so drop the oldest half rather than grow.
    if (this.windows.size >= MAX_KEYS) {
      let drop = this.windows.size / 2;
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}
