import { z } from 'zod';
import {
  UserList,
  UserSummary,
  UserWithPassword,
  type CreateUserRequest,
  type SetRoleRequest,
} from '../../shared/api/users.ts';
import { apiPath, request } from '../api/api-client.ts';

/** The users the caller administers. */
export function listUsers() {
  return request(apiPath(['users']), UserList);
}

/** Creates a user; the answer carries the generated password, shown once. */
export function createUser(body: z.input<typeof CreateUserRequest>) {
  return request(apiPath(['users']), UserWithPassword, { body });
}

/** Grants or revokes one role in one organisation. */
export function setUserRole(username: string, body: z.input<typeof SetRoleRequest>) {
  return request(apiPath(['users', username, 'roles']), UserSummary, { body });
}

/** Replaces a user's password with a generated one. */
export function resetPassword(username: string) {
  return request(apiPath(['users', username, 'password']), UserWithPassword, { method: 'POST' });
}

/** Deletes a user. */
export async function deleteUser(username: string): Promise<void> {
  await request(apiPath(['users', username]), z.undefined(), { method: 'DELETE' });
}
