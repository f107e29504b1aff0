import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { swaggerUI } from '@hono/swagger-ui';
import { assignmentRoutes, myAssignmentRoutes } from '../assignments/assignment.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { apiTokenRoutes } from '../auth/api-token.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import type { StreamWatch } from '../access/socket-access-watch.ts';
import type { CookiePolicy } from '../auth/session-cookie.ts';
import { commentRoutes } from '../comments/comment.routes.ts';
import { discussionRoutes } from '../discussions/discussion.routes.ts';
import { draftEventRoutes } from '../drafts/draft-events.routes.ts';
import { draftRoutes } from '../drafts/draft.routes.ts';
import { draftHeaderRoutes } from '../drafts/draft-header.routes.ts';
import { exportRoutes } from '../export/export.routes.ts';
import { notificationRoutes } from '../notifications/notification.routes.ts';
import { orgRoutes } from '../orgs/org.routes.ts';
import { revisionLogRoutes, revisionTotalsRoutes } from '../revision-log/revision-log.routes.ts';
import { roundOverviewRoutes, roundRoutes } from '../rounds/round.routes.ts';
import { templateRoutes } from '../templates/template.routes.ts';
import { userRoutes } from '../users/user.routes.ts';
import { snapshotRoutes } from '../versions/snapshot.routes.ts';
import { versionRoutes } from '../versions/version.routes.ts';
import type { Services } from '../services.ts';
import { apiRouter } from './api-env.ts';
import { NotFoundError } from './app-error.ts';
import { authenticateSession, authenticateToken, requireUser } from './auth-middleware.ts';
import { csrfGuard } from './csrf.ts';
import type { WindowCounter } from '../limits/window-counter.ts';
import { perUserRateLimit } from './rate-limit.ts';
import { EXPORT_LIMITS } from '../../shared/limits.ts';

/** The two swagger-ui files the reference page loads, served from our own node_modules (T20). */
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** `/api`: CSRF guard, authentication, the resources, the OpenAPI document and its reference page. */
export function apiRoutes(
  services: Services,
  options: {
    cookies: CookiePolicy;
    allowedOrigins: readonly string[];
    watch: StreamWatch;
    /** Counts each user's exports (shared by the instances when there are several). */
    exportCounter: WindowCounter;
  },
) {
  const api = apiRouter();
  api.use('*', authenticateToken(services.auth));
  api.use('*', csrfGuard(options.allowedOrigins));
  api.use('*', authenticateSession(services.auth, options.cookies));
  api.route('/auth', authRoutes(services.auth, options.cookies));
  for (const prefix of [
    '/tokens',
    '/orgs',
    '/drafts',
    '/templates',
    '/users',
    '/rounds',
    '/notifications',
    '/revision-log',
    '/audit',
    '/assignments',
  ]) {
    api.use(prefix, requireUser(services.auth));
    api.use(`${prefix}/*`, requireUser(services.auth));
  }
  api.route('/tokens', apiTokenRoutes(services.tokens));
  api.route(
    '/orgs',
    orgRoutes(services.orgs, (id) => services.users.grantsOf(id), services.userAdmin),
  );
  api.route('/users', userRoutes(services.userAdmin));
  api.route('/drafts', draftRoutes(services.drafts, services.progress));
  api.route('/drafts', draftHeaderRoutes(services.draftHeaders));
  api.route('/drafts', versionRoutes(services.versions));
  api.route('/drafts', snapshotRoutes(services.history, services.timeline));
  api.route('/drafts', roundRoutes(services.rounds));
  api.route('/drafts', commentRoutes(services.comments));
  api.route('/drafts', assignmentRoutes(services.assignments));
  api.route('/drafts', discussionRoutes(services.discussions));
  api.route('/assignments', myAssignmentRoutes(services.assignments));
  const exportLimit = perUserRateLimit('export', EXPORT_LIMITS, options.exportCounter, services.clock);
  api.route('/drafts', exportRoutes(services.exports, exportLimit));
  api.route('/drafts', revisionLogRoutes(services.revisionLog, services.revisionExports, exportLimit));
  api.route('/revision-log', revisionTotalsRoutes(services.revisionTotals));
  api.route(
    '/drafts',
    draftEventRoutes({
      progress: services.progress,
      events: services.draftEvents,
      comments: services.comments.reader,
      watch: options.watch,
    }),
  );
  api.route('/rounds', roundOverviewRoutes(services.rounds));
  api.route('/notifications', notificationRoutes(services.notifications, options.watch));
  api.route('/templates', templateRoutes(services.templates));
  api.route('/audit', auditRoutes(services.audit));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    // Paths are relative to the mount point, so "Try it out" calls /api/….
    servers: [{ url: '/api' }],
    // The browser's session cookie, or a token through "Authorize".
    security: [{ bearer: [] }, {}],
    info: {
      title: 'vankien API',
      version: '0.1.0',
      description:
        'Collaborative drafting of Party congress documents. Authenticate with the session cookie ' +
        '(POST /api/auth/sign-in) or `Authorization: Bearer <token>`. Errors are `{"error":{"code","message"}}`.',
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.get(
    '/docs',
    swaggerUI({ url: '/api/openapi.json', baseUrl: '/api/docs/assets', title: 'vankien API' }),
  );
  const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  api.get('/docs/assets/swagger-ui-dist/:file', async (c) => {
    const file = c.req.param('file');
    const type = SWAGGER_FILES[file];
    if (type === undefined) throw new NotFoundError('not_found', 'No such file');
    const body = await fs.readFile(path.join(swaggerDir, file));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return api;
}
