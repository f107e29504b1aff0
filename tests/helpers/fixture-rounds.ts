import type { ConsultationAccess } from '../../server/access/access.service.ts';

/**
 * Answers in place of the rounds module (`server/rounds/round-membership.ts`) for access tests
 * that need an organisation invited to an open round without opening one through the rounds API.
 */
export class FixtureRounds implements ConsultationAccess {
  private readonly open = new Map<string, readonly number[]>();

  /** Opens a round on a draft for these organisations. */
  openRound(draftId: string, orgIds: readonly number[]): void {
    this.open.set(draftId, orgIds);
  }

  /** Closes the draft's round. */
  closeRound(draftId: string): void {
    this.open.delete(draftId);
  }

  /** Orgs invited to an open round on the draft. */
  invitedOrgIds(draftId: string): Promise<readonly number[]> {
    return Promise.resolve(this.open.get(draftId) ?? []);
  }

  /** The fixture's rounds let their organisations read the live text (the collaboration tests read it). */
  comparingOrgIds(draftId: string): Promise<readonly number[]> {
    return this.invitedOrgIds(draftId);
  }
}
