import type { Context } from 'hono';
import { canWrite, type DraftAccess } from '../../shared/access.ts';
import { colorForUser } from '../../shared/collab/awareness.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Principal } from '../auth/principal.ts';
import { readSessionCookie, type CookiePolicy } from '../auth/session-cookie.ts';
import type { Member } from '../collab/core/member.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../http/app-error.ts';
import { bearerToken } from '../http/auth-middleware.ts';
import type { AccessService } from './access.service.ts';

/** What an admitted socket was granted, kept to re-check it while it is open. */
export interface SocketGrant {
  readonly principal: Principal;
  readonly draftId: string;
  readonly access: DraftAccess;
}

/**
 * Decides whether a WebSocket upgrade on `/collab/<draftId>` may proceed (R6, R7): a valid
 * session cookie or `?token=` (else 401), an allowed Origin (else 403: a cookie-borne
 * upgrade must name one; a token one may omit it, as non-browser clients do), and at least
 * read access to an existing draft (else 404, the same as for a draft that does not exist).
 * Runs before any Y.Doc is created or loaded.
 */
export class CollabGate {
  private readonly origins: ReadonlySet<string>;

  constructor(
    private readonly deps: {
      readonly auth: AuthService;
      readonly access: AccessService;
      readonly cookies: CookiePolicy;
      readonly allowedOrigins: readonly string[];
    },
  ) {
    this.origins = new Set(deps.allowedOrigins);
  }

  /** Admits an upgrade or throws the HTTP error that refuses it. */
  async admit(c: Context, draftId: string): Promise<{ member: Member; grant: SocketGrant }> {
    const token = c.req.query('token') ?? bearerToken(c.req.header('authorization'));
    const session = token === undefined ? readSessionCookie(c, this.deps.cookies) : undefined;
    // No rotation here: a 101 answer is no place to set a cookie; the page's next request rotates.
    const principal = await this.deps.auth.authenticate({ token, session }, false);
    if (principal === null) throw new UnauthenticatedError('unauthenticated', 'Sign in first');
    const origin = c.req.header('origin');
    const originRequired = principal.credential.kind === 'session';
    if ((origin === undefined && originRequired) || (origin !== undefined && !this.origins.has(origin)))
      throw new ForbiddenError('forbidden_origin', 'Connection refused: missing or foreign Origin');
    const access = await this.deps.access.resolveText(principal.userId, draftId);
    if (access === null) throw new NotFoundError('draft_not_found', 'No such draft');
    const user = await this.deps.auth.userOf(principal);
    return {
      member: {
        userId: user.id,
        credential: principal.credential.family,
        presence: { id: user.id, name: user.displayName, color: colorForUser(user.id) },
        canWrite: canWrite(access),
      },
      grant: { principal, draftId, access },
    };
  }
}
