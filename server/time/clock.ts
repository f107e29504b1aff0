/**
 * The time as the server sees it. Built once in the composition root and handed to whatever
 * stamps rows or checks deadlines and expiry, so tests can move time instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The wall clock: the only place the server reads the time of day. */
export const systemClock: Clock = { now: () => Date.now() };
