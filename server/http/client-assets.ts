import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PREFIXES = ['/api/', '/collab/', '/healthz'];

/**
 * Serves the built web client from `dir`: hashed files under `/assets/` cached for a year
 * (their names change with their content), everything else (index.html above all) revalidated
 * on every load, and `index.html` for any other page path so the client's router takes over
 * (SPA fallback). Files the build precompressed (`.br`, `.gz`) are sent to browsers that take
 * them. Does nothing when the client is not built (e.g. in server tests).
 */
export function serveClient(app: Hono, dir: string): void {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return;
  const root = path.relative(process.cwd(), dir) || '.';
  app.use('*', async (c, next) => {
    await next();
    if (SERVER_PREFIXES.some((p) => c.req.path.startsWith(p)) || c.res.status !== 200) return;
    c.header(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', async (c, next) => {
    const accepts = c.req.header('accept') ?? '';
    if (SERVER_PREFIXES.some((p) => c.req.path.startsWith(p)) || !accepts.includes('text/html'))
      return next();
    return c.html(await fs.promises.readFile(index, 'utf8'));
  });
}
