import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '../../shared/api/audit.ts';
import { AUDIT_ACTIONS } from '../../shared/api/audit.ts';
import type { Database } from '../db/database.ts';
import { ForbiddenError } from '../http/app-error.ts';
import { insertAuditEntry, listAuditEntries } from './audit.repository.ts';
import type { AuditLogRow } from './audit.table.ts';
import type { Clock } from '../time/clock.ts';

/**
 * Where an action came from: a signed-in user over HTTP (with the client's address), or
 * `'cli'`, the operator working on the database directly (the admin CLI, seeding).
 */
export type ActionSource = { readonly userId: number; readonly address: string | null } | 'cli';

/** Facts kept beside an entry. Never a password, token or session id. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

/** One action to record. */
export interface AuditEvent {
  readonly action: AuditAction;
  /** Who acted; `null` for someone not signed in (a failed sign-in). */
  readonly source: ActionSource | null;
  /** Only used when `source` is null: the address of the anonymous client. */
  readonly address?: string | null;
  readonly target: string | null;
  readonly detail?: AuditDetail;
}

/** The port the services write through; they never see the table. */
export interface AuditTrail {
  record(event: AuditEvent): Promise<void>;
}

/** What the audit service is built from. */
export interface AuditDeps {
  readonly db: Kysely<Database>;
  /** The username of a user id (null once removed), so the entry says who it was then. */
  readonly usernameOf: (userId: number) => Promise<string | null>;
  /** Whether a user administers the bloc: only they read the log over the API. */
  readonly isBlocAdmin: (userId: number) => Promise<boolean>;
  readonly clock: Clock;
}

/** The audit log: written by the services where security-relevant actions happen. */
export class AuditService implements AuditTrail {
  constructor(private readonly deps: AuditDeps) {}

  async record(event: AuditEvent): Promise<void> {
    const { source } = event;
    const actorId = source === null || source === 'cli' ? null : source.userId;
    const actor =
      source === null
        ? 'unknown'
        : source === 'cli'
          ? 'cli'
          : ((await this.deps.usernameOf(source.userId)) ?? `#${source.userId}`);
    const address = source === null ? (event.address ?? null) : source === 'cli' ? null : source.address;
    await insertAuditEntry(this.deps.db, {
      at: this.deps.clock.now(),
      action: event.action,
      actor_id: actorId,
      actor,
      target: event.target,
      address,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
    });
  }

  /** A page of entries, newest first; `viewerId` must be a bloc admin (null: the CLI operator). */
  async list(viewerId: number | null, query: AuditQuery): Promise<AuditPage> {
    if (viewerId !== null && !(await this.deps.isBlocAdmin(viewerId)))
      throw new ForbiddenError('forbidden', 'Only the bloc office reads the audit log');
    const rows = await listAuditEntries(this.deps.db, query.limit, query.before);
    const last = rows.at(-1);
    return {
      entries: rows.map(toEntry),
      nextBefore: rows.length === query.limit && last !== undefined ? last.id : null,
    };
  }
}

function toEntry(row: AuditLogRow): AuditEntry {
  const action = AUDIT_ACTIONS.find((a) => a === row.action);
  if (action === undefined) throw new Error(`unknown audit action ${row.action} in entry ${row.id}`);
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    action,
    actorId: row.actor_id,
    actor: row.actor,
    target: row.target,
    address: row.address,
    detail: row.detail === null ? {} : (JSON.parse(row.detail) as AuditEntry['detail']),
  };
}
