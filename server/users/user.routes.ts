import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateUserRequest,
  SetRoleRequest,
  UserList,
  UserSummary,
  UserWithPassword,
} from '../../shared/api/users.ts';
import { apiRouter } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { errorResponse, json } from '../http/openapi-helpers.ts';
import type { UserAdminService } from './user-admin.service.ts';

const username = z.object({ username: z.string().max(64) });
const forbidden = errorResponse('Not an administrator of that organisation');
const notFound = errorResponse('No such user');

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: 'Users of the organisations the caller administers, with their roles',
  responses: { 200: { description: 'Users', ...json(UserList) } },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: 'Create a user; the random password is returned once',
  request: { body: { ...json(CreateUserRequest), required: true } },
  responses: {
    201: { description: 'Created', ...json(UserWithPassword) },
    400: errorResponse('Malformed input'),
    403: forbidden,
    409: errorResponse('Username taken'),
  },
});

const setRole = createRoute({
  method: 'post',
  path: '/{username}/roles',
  tags: ['users'],
  summary: "Grant or revoke a role; the user's open sockets follow within seconds",
  request: { params: username, body: { ...json(SetRoleRequest), required: true } },
  responses: { 200: { description: 'The user', ...json(UserSummary) }, 403: forbidden, 404: notFound },
});

const resetPassword = createRoute({
  method: 'post',
  path: '/{username}/password',
  tags: ['users'],
  summary: 'Give a new random password (returned once) and end the user’s sessions',
  request: { params: username },
  responses: {
    200: { description: 'New password', ...json(UserWithPassword) },
    403: forbidden,
    404: notFound,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{username}',
  tags: ['users'],
  summary: 'Remove a user with their sessions and tokens',
  request: { params: username },
  responses: { 204: { description: 'Removed' }, 403: forbidden, 404: notFound },
});

/** `/api/users`: administration of users. Mounted behind `requireUser`. */
export function userRoutes(admin: UserAdminService) {
  const app = apiRouter();
  app.openapi(list, async (c) => c.json({ users: await admin.list(c.var.user.id) }, 200));
  app.openapi(create, async (c) => c.json(await admin.create(c.var.user.id, c.req.valid('json')), 201));
  app.openapi(setRole, async (c) => {
    const { orgId, role, granted } = c.req.valid('json');
    return c.json(
      await admin.setRole(
        c.var.user.id,
        c.req.valid('param').username,
        orgId,
        role,
        granted,
        clientAddress(c),
      ),
      200,
    );
  });
  app.openapi(resetPassword, async (c) =>
    c.json(await admin.resetPassword(c.var.user.id, c.req.valid('param').username), 200),
  );
  app.openapi(remove, async (c) => {
    await admin.remove(c.var.user.id, c.req.valid('param').username);
    return c.body(null, 204);
  });
  return app;
}
