import type { MiddlewareHandler } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import type { WindowCounter } from '../limits/window-counter.ts';
import type { Clock } from '../time/clock.ts';
import type { ApiEnv } from './api-env.ts';
import { TooManyRequestsError } from './app-error.ts';

/** How many requests a user may make in a window. */
export interface RateLimit {
  readonly perWindow: number;
  readonly windowMs: number;
}

/**
 * A per-user budget for costly requests (each export renders a whole document): over it, 429
 * `too_many_requests` with `Retry-After`. Only answers below 400 count: a refused request
 * (bad options, no right, unknown round, every render slot busy) rendered nothing, and a
 * user who corrects a mistake should not lose the export. Mount the one middleware on every
 * path that should share the budget. Behind `requireUser`.
 */
export function perUserRateLimit(
  name: string,
  limits: RateLimit,
  /** Where hits are counted: in memory, or shared by the instances (Redis). */
  counter: WindowCounter,
  clock: Clock,
): MiddlewareHandler<ApiEnv> {
  const store: Store<ApiEnv> = {
    increment: async (key) => {
      const { count, resetAt } = await counter.hit(key, limits.windowMs);
      return { totalHits: count, resetTime: new Date(resetAt) };
    },
    get: async (key) => {
      const window = await counter.read(key);
      return window === null ? undefined : { totalHits: window.count, resetTime: new Date(window.resetAt) };
    },
    decrement: (key) => counter.undo(key),
    resetKey: (key) => counter.clear(key),
    localKeys: false,
  };
  return rateLimiter<ApiEnv>({
    store,
    windowMs: limits.windowMs,
    limit: limits.perWindow,
    keyGenerator: (c) => `${name}:${c.var.user.id}`,
    skipFailedRequests: true,
    handler: (c) => {
      const reset = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const retry = Math.max(
        1,
        Math.ceil(((reset?.resetTime?.getTime() ?? clock.now() + limits.windowMs) - clock.now()) / 1000),
      );
      throw new TooManyRequestsError('too_many_requests', 'Too many exports; try again shortly', retry);
    },
  });
}
