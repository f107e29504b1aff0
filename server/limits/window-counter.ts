import type { Clock } from '../time/clock.ts';

/** A counter's state in its current fixed window. */
export interface WindowCount {
  readonly count: number;
  /** When the window ends (epoch ms). */
  readonly resetAt: number;
}

/**
 * Counts events per key in fixed windows: failed sign-ins per account, exports per user. One
 * instance keeps them in memory; several share them in Redis, so a limit per user holds
 * whichever instance a request reaches.
 */
export interface WindowCounter {
  /** Counts one more event; the window starts with the first. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The current window's count (null: none running). */
  read(key: string): Promise<WindowCount | null>;
  /** Takes one event back (a request that turned out not to count). */
  undo(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Counters kept at most; past it, expired ones are swept (a flood of names cannot grow memory). */
const MAX_KEYS = 50_000;

/** The in-memory {@link WindowCounter} of a lone instance. */
export class MemoryWindowCounter implements WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly clock: Clock) {}

  hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.clock.now();
    if (this.windows.size >= MAX_KEYS) this.sweep(now);
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ ...window });
  }

  read(key: string): Promise<WindowCount | null> {
    const window = this.windows.get(key);
    return Promise.resolve(window === undefined || window.resetAt <= this.clock.now() ? null : { ...window });
  }

  undo(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window !== undefined && window.count > 0) window.count -= 1;
    return Promise.resolve();
  }

  clear(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
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
