import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { UnauthenticatedError } from '../http/app-error.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in the Prometheus text format, for a scraper holding the token
 * (`Authorization: Bearer <METRICS_TOKEN>`). Mounted only when the token is configured.
 */
export function metricsRoutes(token: string, render: () => string): Hono {
  const expected = digest(token);
  const app = new Hono();
  app.get('/metrics', (c) => {
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    // Compared as digests: equal lengths, constant time.
    if (!timingSafeEqual(digest(given), expected))
      throw new UnauthenticatedError('unauthenticated', 'A valid metrics token is required');
    return c.body(render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}
