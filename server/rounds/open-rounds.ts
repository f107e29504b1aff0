import type { Kysely } from 'kysely';
import type { ConsultationAccess } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../time/clock.ts';
import { listDraftRounds, selectOpenInvitedOrgIds } from './round.repository.ts';
import { isOpen } from './round.view.ts';

/**
 * What access and the draft lifecycle ask of rounds: which organisations an open round
 * invites, and whether one is open. Built from the database alone, so both can have it
 * before the rounds service (which needs drafts, and so access) exists.
 */
export class OpenRounds implements ConsultationAccess {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Organisations invited to a round of the draft that is open now. */
  invitedOrgIds(draftId: string): Promise<readonly number[]> {
    return selectOpenInvitedOrgIds(this.db, draftId, this.clock.now());
  }

  /** Of those, the organisations whose round lets them see the current text. */
  comparingOrgIds(draftId: string): Promise<readonly number[]> {
    return selectOpenInvitedOrgIds(this.db, draftId, this.clock.now(), { comparing: true });
  }

  /** Whether a round on the draft is still taking comments (a final draft waits for it). */
  async hasOpenRound(draftId: string, now = this.clock.now()): Promise<boolean> {
    return (await listDraftRounds(this.db, draftId)).some((r) => isOpen(r, now));
  }
}
