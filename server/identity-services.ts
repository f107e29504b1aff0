import type { Kysely } from 'kysely';
import { AccessEpoch } from './access/access-epoch.ts';
import { AuditService } from './audit/audit.service.ts';
import { ApiTokenService } from './auth/api-token.service.ts';
import { AuthService } from './auth/auth.service.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { SessionService } from './auth/session.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { MemoryWindowCounter, type WindowCounter } from './limits/window-counter.ts';
import { OrgService } from './orgs/org.service.ts';
import type { Clock } from './time/clock.ts';
import { PasswordHasher } from './users/password.ts';
import { userLookup } from './users/user-lookup.ts';
import { UserService } from './users/user.service.ts';

/** The sign-in settings the identity services apply. */
export type AuthSettings = Pick<
  Config['auth'],
  'sessionIdleMs' | 'sessionAbsoluteMs' | 'sessionRotationGraceMs' | 'loginMaxFailures' | 'loginWindowMs'
>;

/** Who people are and how they prove it: organisations, users, sessions, tokens, the audit log. */
export interface IdentityServices {
  readonly epoch: AccessEpoch;
  readonly orgs: OrgService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: ApiTokenService;
  readonly auth: AuthService;
  readonly audit: AuditService;
  /** Whether a user administers a bloc (reads the audit log, imports templates). */
  readonly isBlocAdmin: (userId: number) => Promise<boolean>;
  /** A user's display name, for "who did it" in lists. */
  readonly nameOf: (userId: number) => Promise<string | null>;
}

/** Builds the identity services in dependency order (part of {@link createServices}). */
export function createIdentityServices(
  db: Kysely<Database>,
  auth: AuthSettings,
  clock: Clock,
  /** Failed sign-ins, counted across instances when there are several. */
  signInCounter: WindowCounter | undefined,
): IdentityServices {
  const epoch = new AccessEpoch(db);
  const orgs = new OrgService(db, clock);
  const sessions = new SessionService(
    db,
    {
      idleMs: auth.sessionIdleMs,
      absoluteMs: auth.sessionAbsoluteMs,
      rotationGraceMs: auth.sessionRotationGraceMs,
    },
    epoch,
    clock,
  );
  // The users service writes to the audit log, and the log names users: it reads them
  // through the users tables' lookup, so it exists first.
  const lookup = userLookup(db);
  const isBlocAdmin = async (userId: number): Promise<boolean> => {
    const grants = await lookup.grantsOf(userId);
    const blocs = new Set((await orgs.list()).filter((o) => o.kind === 'bloc').map((o) => o.id));
    return grants.some((g) => g.role === 'admin' && blocs.has(g.orgId));
  };
  const audit = new AuditService({ db, clock, usernameOf: lookup.usernameOf, isBlocAdmin });
  const users = new UserService(db, orgs, new PasswordHasher(), epoch, sessions, audit, clock);
  const tokens = new ApiTokenService(db, epoch, audit, clock);
  const throttle = new LoginThrottle(
    auth.loginMaxFailures,
    auth.loginWindowMs,
    signInCounter ?? new MemoryWindowCounter(clock),
    clock,
  );
  return {
    epoch,
    orgs,
    users,
    sessions,
    tokens,
    auth: new AuthService({ users, orgs, sessions, tokens, throttle, audit, clock }),
    audit,
    isBlocAdmin,
    nameOf: async (id) => (await users.findById(id))?.displayName ?? null,
  };
}
