import type { Generated, Insertable, Selectable } from 'kysely';

/** One security-relevant action: who did what to which target, from where, when. */
export interface AuditLogTable {
  id: Generated<number>;
  /** Milliseconds since the epoch, from the audit service's clock. */
  at: number;
  action: string;
  /** The acting user, or null for the operator at the CLI and for unknown accounts. */
  actor_id: number | null;
  /** The acting username as it was then, or `cli` (the operator) or `unknown`. */
  actor: string;
  /** What the action applied to, e.g. `user:alice`, `token:3`, `draft:abc#2`. */
  target: string | null;
  /** The client's address for actions over HTTP. */
  address: string | null;
  /** JSON object of further facts (never secrets). */
  detail: string | null;
}

/** The audit module's tables. */
export interface AuditTables {
  audit_log: AuditLogTable;
}

/** An audit entry as read. */
export type AuditLogRow = Selectable<AuditLogTable>;
/** An audit entry to store. */
export type NewAuditLogRow = Insertable<AuditLogTable>;
