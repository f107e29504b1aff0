import { createRoute } from '@hono/zod-openapi';
import { MarkReadRequest, Notification, NotificationList } from '../../shared/api/notifications.ts';
import type { StreamWatch } from '../access/socket-access-watch.ts';
import { sseFrom } from '../events/sse.ts';
import { apiRouter } from '../http/api-env.ts';
import { json } from '../http/openapi-helpers.ts';
import type { NotificationService } from './notification.service.ts';

const tags = ['notifications'];
const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The newest notifications and the unread count',
  responses: { 200: { description: 'Notifications', ...json(NotificationList) } },
});
const read = createRoute({
  method: 'post',
  path: '/read',
  tags,
  summary: 'Mark notifications (or all) as read',
  request: { body: { ...json(MarkReadRequest), required: true } },
  responses: { 204: { description: 'Marked' } },
});

/** `/api/notifications`. Mounted behind `requireUser`. */
export function notificationRoutes(notifications: NotificationService, watch: StreamWatch) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json(await notifications.list(c.var.user.id), 200));
  app.openapi(read, async (c) => {
    await notifications.markRead(c.var.user.id, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/events',
    tags,
    summary: 'Server-sent events: `notification` (a Notification) as each arrives',
    responses: {
      200: { description: 'An event stream', content: { 'text/event-stream': { schema: Notification } } },
    },
  });
  app.get('/events', (c) =>
    sseFrom(
      c,
      (deliver) => Promise.resolve(notifications.hub.subscribe(c.var.user.id, { orgs: 'all', deliver })),
      (end) => watch({ end }, { principal: c.var.principal!, draftId: null, access: null }),
    ),
  );
  return app;
}
