import type { Kysely } from 'kysely';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../time/clock.ts';
import type { Principal } from './principal.ts';
import { hashSecret, newSecret } from './secret.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  markSessionsForRotation,
  replaceSession,
  touchSessions,
} from './session.repository.ts';
import type { SessionRow } from './auth.table.ts';

/** Session lifetimes (R10). */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
  /**
   * How long a session id still works after it was rotated away: requests already on their
   * way with the old cookie (a page fires several at once), and sockets until the access
   * watch rebinds them to the new id.
   */
  readonly rotationGraceMs: number;
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
    private readonly clock: Clock,
  ) {}

  /** Starts a session for a user; returns the secret for the cookie (never stored). */
  async start(userId: number): Promise<{ secret: string; expiresAt: number }> {
    const secret = newSecret('s_');
    const now = this.clock.now();
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

  /**
   * The principal of a live session, or null if unknown, idle too long or past its end. A
   * session due rotation (its user's roles changed) is replaced by a new id here, returned as
   * `renewedSecret` for the cookie, unless `rotate` is off (a WebSocket upgrade cannot reliably
   * set a cookie; the next page request will).
   */
  async authenticate(secret: string, rotate = true): Promise<Principal | null> {
    const idHash = hashSecret(secret);
    const row = await findSession(this.db, idHash);
    if (row === undefined) return null;
    if (row.replaced_by !== null) {
      // Rotated away: a request already on its way counts as its successor, briefly.
      const late = (row.replaced_at ?? 0) + this.policy.rotationGraceMs <= this.clock.now();
      return late ? null : this.check(row.replaced_by, true);
    }
    const principal = await this.live(row, true);
    if (principal === null || !rotate || row.rotate_due === 0) return principal;
    return (await this.rotate(row)) ?? principal;
  }

  /** Re-checks a session by its hash (for open sockets, following a rotation); not activity. */
  async check(idHash: string, touch = false): Promise<Principal | null> {
    let row = await findSession(this.db, idHash);
    // One hop per rotation; a socket is rebound to the new id at the watch's next check.
    for (let hops = 0; row?.replaced_by != null && hops < 3; hops++)
      row = await findSession(this.db, row.replaced_by);
    return row === undefined || row.replaced_by !== null ? null : this.live(row, touch);
  }

  /** Marks every session of a user as due a new id at its next request (R10: roles changed). */
  async rotateAllFor(userId: number): Promise<void> {
    await markSessionsForRotation(this.db, userId);
  }

  /** The row's principal, or null (and the row deleted) once idle too long or past its end. */
  private async live(row: SessionRow, touch: boolean): Promise<Principal | null> {
    const now = this.clock.now();
    if (row.expires_at <= now || row.last_seen_at + this.policy.idleMs <= now) {
      await deleteSession(this.db, row.id_hash);
      return null;
    }
    if (touch && now - row.last_seen_at >= TOUCH_EVERY_MS) await touchSessions(this.db, [row.id_hash], now);
    return {
      userId: row.user_id,
      credential: { kind: 'session', id: row.id_hash, family: familyOf(row) },
      expiresAt: row.expires_at,
    };
  }

  /**
   * A new id for the session, same user and same absolute end (rotation never extends it).
   * Null when a parallel request rotated it first (that one's response carries the cookie).
   */
  private async rotate(row: SessionRow): Promise<Principal | null> {
    const secret = newSecret('s_');
    const now = this.clock.now();
    const next = {
      id_hash: hashSecret(secret),
      user_id: row.user_id,
      created_at: row.created_at,
      last_seen_at: now,
      expires_at: row.expires_at,
      family: row.family ?? row.id_hash,
    };
    if (!(await replaceSession(this.db, row.id_hash, next, now))) return null;
    // Open sockets re-check their credential now and follow it to the new id.
    await this.epoch.bump();
    return {
      userId: row.user_id,
      credential: { kind: 'session', id: next.id_hash, family: familyOf(next) },
      expiresAt: row.expires_at,
      renewedSecret: secret,
    };
  }

  /** Marks sessions as active (their sockets are in use). */
  async touch(idHashes: readonly string[]): Promise<void> {
    await touchSessions(this.db, idHashes, this.clock.now());
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
    await deleteExpiredSessions(this.db, this.clock.now(), this.policy.idleMs, this.policy.rotationGraceMs);
  }
}

/** The session's family: its own id hash unless it replaced an earlier session (R10). */
function familyOf(row: { id_hash: string; family?: string | null | undefined }): string {
  return `session:${row.family ?? row.id_hash}`;
}
