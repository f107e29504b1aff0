import type { Kysely } from 'kysely';
import type { Role } from '../../shared/access.ts';
import type { Database } from '../db/database.ts';
import { findUserById, selectGrants } from './user.repository.ts';

/** Reading who a user is and which roles they hold, without the users service. */
export interface UserLookup {
  readonly usernameOf: (userId: number) => Promise<string | null>;
  readonly grantsOf: (userId: number) => Promise<{ orgId: number; role: Role }[]>;
}

/**
 * The users tables read directly, for what is built before the users service: the audit
 * log names users and checks bloc admins, and the users service writes to the audit log.
 */
export function userLookup(db: Kysely<Database>): UserLookup {
  return {
    usernameOf: async (userId) => (await findUserById(db, userId))?.username ?? null,
    grantsOf: (userId) => selectGrants(db, userId),
  };
}
