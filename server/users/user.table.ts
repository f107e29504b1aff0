import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../shared/access.ts';

/** People who sign in; each belongs to one organisation. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  /** PHC string (argon2id with its parameters), never the password. */
  password_hash: string;
  created_at: number;
}

/** Roles per organisation: a user may be, say, drafter of a unit and commenter of a branch. */
export interface RoleGrantTable {
  user_id: number;
  org_id: number;
  role: Role;
}

/** The users module's tables. */
export interface UserTables {
  users: UserTable;
  role_grants: RoleGrantTable;
}

/** A user row as read. */
export type UserRow = Selectable<UserTable>;
