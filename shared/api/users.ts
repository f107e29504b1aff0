import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../access.ts';
import { USERNAME_PATTERN } from './auth.ts';

/** A user as administrators see them, with every role. */
export const UserSummary = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.number().int(),
    roles: z.array(z.object({ orgId: z.number().int(), role: z.enum(ROLES) })),
  })
  .meta({ id: 'UserSummary' });
/** A user as administrators see them. */
export type UserSummary = z.infer<typeof UserSummary>;

/** `GET /api/users`: users of the organisations the caller administers. */
export const UserList = z.object({ users: z.array(UserSummary) }).meta({ id: 'UserList' });

/** `POST /api/users`: a new user with roles in their organisation; the password is generated. */
export const CreateUserRequest = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(USERNAME_PATTERN, 'a–z, 0–9, dot, dash, underscore; 2–64'),
    displayName: z.string().trim().min(1).max(200),
    orgId: z.number().int(),
    roles: z.array(z.enum(ROLES)).max(4).default([]),
  })
  .strict()
  .meta({ id: 'CreateUserRequest' });

/** A user with a password shown this once. */
export const UserWithPassword = z
  .object({ user: UserSummary, password: z.string() })
  .meta({ id: 'UserWithPassword' });

/** `POST /api/users/{username}/roles`: grant or revoke one role in one organisation. */
export const SetRoleRequest = z
  .object({ orgId: z.number().int(), role: z.enum(ROLES), granted: z.boolean() })
  .strict()
  .meta({ id: 'SetRoleRequest' });

/** `POST /api/orgs`: a new organisation under one the caller administers. */
export const CreateOrgRequest = z
  .object({
    kind: z.enum(ORG_KINDS),
    name: z.string().trim().min(1).max(200),
    shortName: z.string().trim().min(1).max(50),
    parentId: z.number().int(),
  })
  .strict()
  .meta({ id: 'CreateOrgRequest' });
