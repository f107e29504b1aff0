import type { Clock } from '../../server/time/clock.ts';

/**
 * A clock that moves only when the test says so: deadlines, expiry and throttling windows are
 * crossed with `advance` instead of waited for.
 */
export class ManualClock implements Clock {
  /** Starts at the real time by default, so rows seeded beforehand are not from the future. */
  constructor(private current: number = Date.now()) {}

  now(): number {
    return this.current;
  }

  /** Moves the time forward by `ms`. */
  advance(ms: number): void {
    this.current += ms;
  }
}
