import type { Kysely } from 'kysely';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { ActionSource, AuditTrail } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../http/app-error.ts';
import {
  findTokenByHash,
  findTokenById,
  insertToken,
  listTokens,
  revokeToken,
  touchToken,
} from './api-token.repository.ts';
import type { ApiTokenRow } from './auth.table.ts';
import type { Principal } from './principal.ts';
import { hashSecret, newSecret } from './secret.ts';
import type { Clock } from '../time/clock.ts';

/** A token without its secret. */
export interface TokenInfo {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly lastUsedAt: number | null;
}

const DAY_MS = 86_400_000;
const TOUCH_EVERY_MS = 60_000;

/** Personal API tokens for scripts and API clients: `Authorization: Bearer` or `?token=`. */
export class ApiTokenService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly epoch: AccessEpoch,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Creates a token; the secret is returned this once and stored only hashed. */
  async create(
    userId: number,
    name: string,
    expiresInDays?: number,
    source: ActionSource = 'cli',
  ): Promise<TokenInfo & { token: string }> {
    const token = newSecret('vkt_');
    const expiresAt = expiresInDays === undefined ? null : this.clock.now() + expiresInDays * DAY_MS;
    const row = await insertToken(this.db, {
      userId,
      name: name.trim(),
      tokenHash: hashSecret(token),
      expiresAt,
      createdAt: this.clock.now(),
    });
    await this.audit.record({
      action: 'token_created',
      source,
      target: `token:${row.id}`,
      detail: { ownerId: userId, name: row.name, expiresAt },
    });
    return { ...toInfo(row), token };
  }

  /** The principal of a live token, or null if unknown, revoked or expired. */
  async authenticate(secret: string): Promise<Principal | null> {
    const row = await findTokenByHash(this.db, hashSecret(secret));
    const principal = row === undefined ? null : this.live(row);
    if (
      row !== undefined &&
      principal !== null &&
      this.clock.now() - (row.last_used_at ?? 0) >= TOUCH_EVERY_MS
    )
      await touchToken(this.db, row.id, this.clock.now());
    return principal;
  }

  /** Re-checks a token by id (for open sockets). */
  async check(id: number): Promise<Principal | null> {
    const row = await findTokenById(this.db, id);
    return row === undefined ? null : this.live(row);
  }

  /** A user's live tokens. */
  async list(userId: number): Promise<TokenInfo[]> {
    return (await listTokens(this.db, userId)).map(toInfo);
  }

  /**
   * Revokes a token; from a user over HTTP only if it is theirs (the CLI operator may revoke
   * any). Its sockets close within seconds.
   */
  async revoke(id: number, source: ActionSource = 'cli'): Promise<void> {
    const row = await findTokenById(this.db, id);
    const foreign = source !== 'cli' && row?.user_id !== source.userId;
    if (row === undefined || foreign || row.revoked_at !== null)
      throw new NotFoundError('token_not_found', `No token ${id}`);
    await revokeToken(this.db, id, this.clock.now());
    await this.epoch.bump();
    await this.audit.record({
      action: 'token_revoked',
      source,
      target: `token:${id}`,
      detail: { ownerId: row.user_id, name: row.name },
    });
  }

  private live(row: ApiTokenRow): Principal | null {
    if (row.revoked_at !== null) return null;
    if (row.expires_at !== null && row.expires_at <= this.clock.now()) return null;
    return {
      userId: row.user_id,
      credential: { kind: 'token', id: String(row.id), family: `token:${row.id}` },
      expiresAt: row.expires_at,
    };
  }
}

function toInfo(row: ApiTokenRow): TokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
