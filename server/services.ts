import type { Kysely } from 'kysely';
import { AccessEpoch } from './access/access-epoch.ts';
import { AccessService, NO_CONSULTATIONS, type ConsultationAccess } from './access/access.service.ts';
import { ApiTokenService } from './auth/api-token.service.ts';
import { AuthService } from './auth/auth.service.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { SessionService } from './auth/session.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { DraftService } from './drafts/draft.service.ts';
import { OrgService } from './orgs/org.service.ts';
import { PasswordHasher } from './users/password.ts';
import { UserService } from './users/user.service.ts';

/** The domain services, each built once and handed to whoever needs it. */
export interface Services {
  readonly epoch: AccessEpoch;
  readonly orgs: OrgService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: ApiTokenService;
  readonly auth: AuthService;
  readonly access: AccessService;
  readonly drafts: DraftService;
}

/**
 * Builds the services over one database. Shared by the server and the admin CLI, so both
 * apply the same rules. `consultations` is where the rounds module plugs into access.
 */
export function createServices(
  db: Kysely<Database>,
  auth: Pick<Config['auth'], 'sessionIdleMs' | 'sessionAbsoluteMs' | 'loginMaxFailures' | 'loginWindowMs'>,
  consultations: ConsultationAccess = NO_CONSULTATIONS,
): Services {
  const epoch = new AccessEpoch(db);
  const orgs = new OrgService(db);
  const sessions = new SessionService(
    db,
    { idleMs: auth.sessionIdleMs, absoluteMs: auth.sessionAbsoluteMs },
    epoch,
  );
  const users = new UserService(db, orgs, new PasswordHasher(), epoch, sessions);
  const tokens = new ApiTokenService(db, epoch);
  const throttle = new LoginThrottle(auth.loginMaxFailures, auth.loginWindowMs);
  const authService = new AuthService({ users, orgs, sessions, tokens, throttle });
  // Drafts and access need each other (listing filters by access; access asks where a draft lives).
  let access: AccessService | null = null;
  const drafts = new DraftService(db, () => access!);
  access = new AccessService({ orgs, grantsOf: (id) => users.grantsOf(id), drafts, consultations });
  return { epoch, orgs, users, sessions, tokens, auth: authService, access, drafts };
}
