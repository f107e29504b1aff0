import type { Kysely } from 'kysely';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { Database } from '../db/database.ts';
import type { Principal } from './principal.ts';
import { hashSecret, newSecret } from './secret.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSessions,
} from './session.repository.ts';

/** Session lifetimes (R10). */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** Activity is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: a 256-bit random id in the cookie, its SHA-256 in the database,
 * idle and absolute expiry enforced here on every use.
 */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly policy: SessionPolicy,
    private readonly epoch: AccessEpoch,
  ) {}

  /** Starts a session for a user; returns the secret for the cookie (never stored). */
  async start(userId: number): Promise<{ secret: string; expiresAt: number }> {
    const secret = newSecret('s_');
    const now = Date.now();
    const expiresAt = now + this.policy.absoluteMs;
    await insertSession(this.db, {
      id_hash: hashSecret(secret),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return { secret, expiresAt };
  }

  /** The principal of a live session, or null if unknown, idle too long or past its end. */
  async authenticate(secret: string): Promise<Principal | null> {
    return this.check(hashSecret(secret), true);
  }

  /** Re-checks a session by its hash (for open sockets); does not count as activity. */
  async check(idHash: string, touch = false): Promise<Principal | null> {
    const row = await findSession(this.db, idHash);
    if (row === undefined) return null;
    const now = Date.now();
    if (row.expires_at <= now || row.last_seen_at + this.policy.idleMs <= now) {
      await deleteSession(this.db, idHash);
      return null;
    }
    if (touch && now - row.last_seen_at >= TOUCH_EVERY_MS) await touchSessions(this.db, [idHash], now);
    return { userId: row.user_id, credential: { kind: 'session', id: idHash }, expiresAt: row.expires_at };
  }

  /** Marks sessions as active (their sockets are in use). */
  async touch(idHashes: readonly string[]): Promise<void> {
    await touchSessions(this.db, idHashes, Date.now());
  }

  /** Ends one session (sign-out); its sockets close within seconds. */
  async end(secret: string): Promise<void> {
    if (await deleteSession(this.db, hashSecret(secret))) await this.epoch.bump();
  }

  /** Ends every session of a user (password reset, removal). */
  async endAllFor(userId: number): Promise<void> {
    await deleteUserSessions(this.db, userId);
    await this.epoch.bump();
  }

  /** Deletes expired rows (housekeeping; expiry is enforced on use regardless). */
  async sweep(): Promise<void> {
    await deleteExpiredSessions(this.db, Date.now(), this.policy.idleMs);
  }
}
