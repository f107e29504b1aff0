import type { Kysely } from 'kysely';
import type { Role } from '../../shared/access.ts';
import {
  missingHeaderFields,
  type DraftHeader,
  type DraftStatusChange,
  type FinalBlocker,
} from '../../shared/api/draft-header.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError } from '../http/app-error.ts';
import { insertStatusChange, listStatusChanges } from './draft-status-log.repository.ts';
import type { DraftRow } from './draft.table.ts';
import type { Clock } from '../time/clock.ts';

/** What the lifecycle asks of other modules. */
export interface LifecycleDeps {
  readonly db: Kysely<Database>;
  /** The user's roles (the users module answers). */
  readonly grantsOf: (userId: number) => Promise<readonly { orgId: number; role: Role }[]>;
  /** Whether a consultation round on the draft is still taking comments (the rounds module answers). */
  readonly hasOpenRound: (draftId: string) => Promise<boolean>;
  readonly nameOf: (userId: number) => Promise<string | null>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
}

/**
 * The rules around a draft's final state: only the unit's secretary marks it final, and only
 * once the header is complete and no round is open; only they reopen it, with a reason. Every
 * status change is logged for the draft's history; finalising and reopening also go to the audit log.
 */
export class DraftLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /** Whether the user is the secretary of the organisation. */
  async isSecretary(userId: number, orgId: number): Promise<boolean> {
    return (await this.deps.grantsOf(userId)).some((g) => g.orgId === orgId && g.role === 'secretary');
  }

  /** What keeps the draft from being final; empty when it may be. */
  async blockers(row: DraftRow, header: DraftHeader): Promise<FinalBlocker[]> {
    const missing: FinalBlocker[] = missingHeaderFields(header);
    if (await this.deps.hasOpenRound(row.id)) missing.push('open_round');
    return missing;
  }

  /** Throws unless the user may mark this draft final now. */
  async assertMayFinalise(userId: number, row: DraftRow, header: DraftHeader): Promise<void> {
    if (!(await this.isSecretary(userId, row.org_id)))
      throw new ForbiddenError('forbidden', 'Only the secretary marks the draft final');
    const missing = await this.blockers(row, header);
    if (missing.length > 0)
      throw new ConflictError('draft_not_ready', `The draft cannot be final yet: ${missing.join(', ')}`, {
        missing,
      });
  }

  /** Throws unless the user may reopen this draft. */
  async assertMayReopen(userId: number, row: DraftRow): Promise<void> {
    if (!(await this.isSecretary(userId, row.org_id)))
      throw new ForbiddenError('forbidden', 'Only the secretary reopens a final draft');
    if (row.status !== 'final') throw new ConflictError('draft_not_final', 'The draft is not final');
  }

  /** Logs a status change (and audits the ones into and out of final). */
  async record(
    row: DraftRow,
    to: DraftRow['status'],
    userId: number | null,
    reason: string | null = null,
    address: string | null = null,
  ): Promise<void> {
    const at = this.deps.clock.now();
    await insertStatusChange(this.deps.db, {
      draft_id: row.id,
      from_status: row.status,
      to_status: to,
      user_id: userId,
      reason,
      at,
    });
    const action = to === 'final' ? 'draft_finalised' : row.status === 'final' ? 'draft_reopened' : null;
    if (action !== null)
      await this.deps.audit.record({
        action,
        source: userId === null ? 'cli' : { userId, address },
        target: `draft:${row.id}`,
        detail: reason === null ? {} : { reason },
      });
  }

  /** The draft's status changes, newest first, with names. */
  async log(draftId: string): Promise<DraftStatusChange[]> {
    const rows = await listStatusChanges(this.deps.db, draftId);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        from: r.from_status,
        to: r.to_status,
        userId: r.user_id,
        userName: r.user_id === null ? null : await this.deps.nameOf(r.user_id),
        reason: r.reason,
        at: new Date(r.at).toISOString(),
      })),
    );
  }
}
