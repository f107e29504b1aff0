import type { Kysely } from 'kysely';
import type { Draft } from '../../shared/api/drafts.ts';
import {
  missingHeaderFields,
  type DraftHeader,
  type DraftHeaderState,
  type DraftStatusChange,
} from '../../shared/api/draft-header.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError } from '../http/app-error.ts';
import type { DraftService } from './draft.service.ts';
import { parseHeader } from './draft.service.ts';
import { updateDraft } from './draft.repository.ts';
import type { Clock } from '../time/clock.ts';

/**
 * The draft's header (thể thức) as a form: everyone who may open the draft reads it; the
 * unit's drafters and secretary change it while the draft is not final. Also the way back
 * from final (the secretary, with a reason) and the log of status changes.
 */
export class DraftHeaderService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly drafts: DraftService,
    /** Tells open sockets to re-check their rights (a reopened draft is writable again). */
    private readonly onTextAccessChanged: () => Promise<void>,
    private readonly clock: Clock,
  ) {}

  /** The header, what a final text still lacks, and what the caller may do. */
  async get(userId: number, draftId: string): Promise<DraftHeaderState> {
    const { row, access } = await this.drafts.find(userId, draftId);
    const header = parseHeader(row.header);
    return {
      header,
      missing: missingHeaderFields(header),
      editable: access === 'edit' && row.status !== 'final',
      secretary: access === 'edit' && (await this.drafts.lifecycle.isSecretary(userId, row.org_id)),
    };
  }

  /** Replaces the header with the form's fields (an absent field is cleared). */
  async put(userId: number, draftId: string, header: DraftHeader): Promise<DraftHeaderState> {
    const { row } = await this.drafts.find(userId, draftId, 'edit');
    if (row.status === 'final')
      throw new ConflictError('draft_final', 'The draft is final; reopen it to change the header');
    await updateDraft(this.db, draftId, { header: JSON.stringify(header) }, this.clock.now());
    return this.get(userId, draftId);
  }

  /** Takes a final draft back to drafting; the reason is kept in its history and the audit log. */
  async reopen(
    userId: number,
    draftId: string,
    reason: string,
    address: string | null = null,
  ): Promise<Draft> {
    const { row } = await this.drafts.find(userId, draftId, 'edit').catch((error: unknown) => {
      // A committee member who is not the secretary learns why, not just "no".
      if (error instanceof ForbiddenError)
        throw new ForbiddenError('forbidden', 'Only the secretary reopens a final draft');
      throw error;
    });
    await this.drafts.lifecycle.assertMayReopen(userId, row);
    await updateDraft(this.db, draftId, { status: 'drafting' }, this.clock.now());
    await this.drafts.lifecycle.record(row, 'drafting', userId, reason, address);
    await this.onTextAccessChanged();
    return this.drafts.get(userId, draftId);
  }

  /** The status changes of a draft the caller may open, newest first. */
  async log(userId: number, draftId: string): Promise<DraftStatusChange[]> {
    await this.drafts.find(userId, draftId);
    return this.drafts.lifecycle.log(draftId);
  }
}
