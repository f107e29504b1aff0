import type { SessionInfo } from '../../shared/api/auth.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { TooManyRequestsError, UnauthenticatedError } from '../http/app-error.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import type { ApiTokenService } from './api-token.service.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { Principal } from './principal.ts';
import type { SessionService } from './session.service.ts';
import type { Clock } from '../time/clock.ts';

/** Signing in and out, and turning a cookie or token into a principal. */
export class AuthService {
  constructor(
    private readonly deps: {
      readonly users: UserService;
      readonly orgs: OrgService;
      readonly sessions: SessionService;
      readonly tokens: ApiTokenService;
      readonly throttle: LoginThrottle;
      readonly audit: AuditTrail;
      readonly clock: Clock;
    },
  ) {}

  /**
   * Checks a username and password and starts a fresh session (a new id on every sign-in,
   * so a planted cookie is worthless). Wrong credentials never say which part was wrong.
   */
  async signIn(
    username: string,
    password: string,
    address: string,
  ): Promise<{ secret: string; expiresAt: number; info: SessionInfo }> {
    const { throttle, users, sessions } = this.deps;
    const retryAfterS = await throttle.retryAfterS(username, address);
    if (retryAfterS > 0)
      throw new TooManyRequestsError(
        'too_many_requests',
        'Too many failed sign-ins; try again later',
        retryAfterS,
      );
    const user = await users.verifyCredentials(username, password);
    if (user === null) {
      await throttle.fail(username, address);
      // The name typed is kept only when it is an account's: people type passwords there too.
      const known = await users.getByUsername(username).then(
        (u) => u.username,
        () => null,
      );
      await this.deps.audit.record({
        action: 'sign_in_failed',
        source: null,
        address,
        target: known === null ? null : `user:${known}`,
      });
      throw new UnauthenticatedError('invalid_credentials', 'Wrong username or password');
    }
    await throttle.succeed(username);
    const { secret, expiresAt } = await sessions.start(user.id);
    await this.deps.audit.record({
      action: 'sign_in',
      source: { userId: user.id, address },
      target: `user:${user.username}`,
    });
    return { secret, expiresAt, info: await this.describe(user, expiresAt) };
  }

  /** Ends the session behind this cookie value (no-op if it is already gone). */
  async signOut(secret: string): Promise<void> {
    await this.deps.sessions.end(secret);
  }

  /**
   * The principal behind a session cookie or an API token; null when neither is valid. A
   * session due a new id gets one (`renewedSecret`) unless `rotate` is off (socket upgrades).
   */
  async authenticate(
    credentials: { session?: string | undefined; token?: string | undefined },
    rotate = true,
  ): Promise<Principal | null> {
    if (credentials.token !== undefined) return this.deps.tokens.authenticate(credentials.token);
    if (credentials.session !== undefined)
      return this.deps.sessions.authenticate(credentials.session, rotate);
    return null;
  }

  /** Re-checks a principal's credential (for open sockets); null once it has ended. */
  async recheck(principal: Principal): Promise<Principal | null> {
    const { kind, id } = principal.credential;
    return kind === 'session' ? this.deps.sessions.check(id) : this.deps.tokens.check(Number(id));
  }

  /** The user behind a principal; 401 if the user was removed meanwhile. */
  async userOf(principal: Principal): Promise<User> {
    const user = await this.deps.users.findById(principal.userId);
    if (user === null) throw new UnauthenticatedError('unauthenticated', 'Sign in first');
    return user;
  }

  /** The signed-in user's profile and roles. */
  async describe(user: User, expiresAt: number | null): Promise<SessionInfo> {
    const [org, roles] = await Promise.all([
      this.deps.orgs.get(user.orgId),
      this.deps.users.grantsOf(user.id),
    ]);
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName, org },
      roles,
      expiresAt: new Date(expiresAt ?? this.deps.clock.now() + 365 * 86_400_000).toISOString(),
    };
  }
}
