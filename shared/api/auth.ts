import { z } from 'zod';
import { ROLES } from '../access.ts';
import { Org } from './orgs.ts';

/** Usernames: lower-case letters, digits, dot, dash, underscore; starting with a letter or digit (never a path like `..`). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** `POST /api/auth/sign-in`. */
export const SignInRequest = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'SignInRequest' });
/** Body of a sign-in request. */
export type SignInRequest = z.infer<typeof SignInRequest>;

/** One role of the user in one organisation. */
export const RoleGrant = z.object({ orgId: z.number().int(), role: z.enum(ROLES) });

/** The signed-in user, as `GET /api/auth/session` and sign-in return it. */
export const SessionInfo = z
  .object({
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      org: Org,
    }),
    roles: z.array(RoleGrant),
    /** When the session ends at the latest (absolute expiry), ISO 8601. */
    expiresAt: z.string(),
  })
  .meta({ id: 'SessionInfo' });
/** The signed-in user. */
export type SessionInfo = z.infer<typeof SessionInfo>;

/** `POST /api/tokens`: a personal API token for scripts and API clients. */
export const CreateTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Days until it expires; omitted: it never expires (revoke it instead). */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .meta({ id: 'CreateTokenRequest' });

/** An API token without its secret. */
export const TokenSummary = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'TokenSummary' });

/** A freshly created token: the secret is shown this once and stored only hashed. */
export const CreatedToken = TokenSummary.extend({ token: z.string() }).meta({ id: 'CreatedToken' });

/** `GET /api/tokens`. */
export const TokenList = z.object({ tokens: z.array(TokenSummary) }).meta({ id: 'TokenList' });

/** `GET /api/auth/whoami`: the session if there is one; never 401, so a page can ask before sign-in. */
export const WhoAmI = z.object({ session: SessionInfo.nullable() }).meta({ id: 'WhoAmI' });
