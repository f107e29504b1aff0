import type { Generated, Insertable, Selectable } from 'kysely';

/** Server-side sessions; the cookie holds the id, the table only its SHA-256 (R10). */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** Absolute expiry; the idle expiry is `last_seen_at` + the idle timeout. */
  expires_at: number;
  /** 1 when the user's roles changed: the next request gets a new session id (R10). */
  rotate_due: Generated<number>;
  /** The session that replaced this one (by its hash), and when; the old id still works briefly. */
  replaced_by: string | null;
  replaced_at: number | null;
  /**
   * Shared by a session and the ones that replaced it (null: the row's own hash), so what the
   * session owns, such as Yjs clientIDs, survives its rotation.
   */
  family?: string | null;
}

/** Personal API tokens, stored hashed, revocable, optionally expiring. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** The auth module's tables. */
export interface AuthTables {
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
}

/** A session row as read. */
export type SessionRow = Selectable<SessionTable>;
/** A session row as written. */
export type NewSessionRow = Insertable<SessionTable>;
/** A token row as read. */
export type ApiTokenRow = Selectable<ApiTokenTable>;
