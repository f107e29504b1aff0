import { Hono } from 'hono';

/** What the health check asks: the database, and Redis when instances share it. */
export interface HealthProbes {
  readonly database: () => Promise<void>;
  readonly redis: (() => Promise<boolean>) | null;
}

/** How long a probe may take before it counts as down (a load balancer must get an answer). */
const PROBE_MS = 2000;

function within<T>(probe: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    probe.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), PROBE_MS).unref()),
  ]);
}

/**
 * `GET /healthz`: 200 when the database answers, else 503 (a load balancer then sends users
 * to another instance). Redis being down does not fail it: edits still reach the database
 * and other instances read them from there, only later.
 */
export function healthRoutes(probes: HealthProbes): Hono {
  return new Hono().get('/healthz', async (c) => {
    const [database, redis] = await Promise.all([
      within(
        probes.database().then(() => true),
        false,
      ),
      probes.redis === null ? Promise.resolve(null) : within(probes.redis(), false),
    ]);
    const body = { ok: database, database, ...(redis === null ? {} : { redis }) };
    return c.json(body, database ? 200 : 503);
  });
}
