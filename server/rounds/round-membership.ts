import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../http/app-error.ts';
import type { UserService } from '../users/user.service.ts';
import type { RoundReader } from './round.reader.ts';
import { findInvitation, findRound, listInvitations } from './round.repository.ts';
import type { RoundRow } from './round.table.ts';
import { isOpen } from './round.view.ts';
import type { Clock } from '../time/clock.ts';

/** The open round a commenter comments in, and the organisation they comment for. */
export interface CommentingRound {
  round: RoundRow;
  orgId: number;
}

/**
 * Who takes part in a draft's rounds: which organisations are invited while a round is open
 * (the access resolver asks on every request), who may still comment or change comments, and
 * who was ever invited (to read their answers afterwards).
 */
export class RoundMembership {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserService,
    private readonly reader: RoundReader,
    private readonly clock: Clock,
  ) {}

  /**
   * The round open for comments on a draft and the organisation the user comments for
   * there. Refused when no round is open (round_closed), the user comments for no invited
   * organisation (not_invited) or it has already submitted (org_submitted).
   */
  async commentingRound(userId: number, draftId: string, orgId?: number): Promise<CommentingRound> {
    const rows = await this.reader.rows(draftId);
    const round = rows.find((r) => isOpen(r, this.clock.now()));
    if (round === undefined)
      throw new ConflictError(
        'round_closed',
        rows.length === 0 ? 'The draft is not out for comments' : 'The round is closed',
      );
    return { round, orgId: await this.commentingOrg(userId, round, orgId) };
  }

  /** Whether an organisation may still change its comments in a round (open, not submitted). */
  async isEditable(roundId: number, orgId: number): Promise<boolean> {
    const round = await findRound(this.db, roundId);
    if (round === undefined || !isOpen(round, this.clock.now())) return false;
    return (await findInvitation(this.db, roundId, orgId))?.submitted_at === null;
  }

  /** `round:org` keys of the invitations of these rounds whose comments may still change. */
  async editableKeys(roundIds: readonly number[]): Promise<Set<string>> {
    const keys = new Set<string>();
    if (roundIds.length === 0) return keys;
    const now = this.clock.now();
    const open = new Set<number>();
    for (const id of new Set(roundIds)) {
      const round = await findRound(this.db, id);
      if (round !== undefined && isOpen(round, now)) open.add(id);
    }
    for (const row of await listInvitations(this.db, [...open]))
      if (row.submitted_at === null) keys.add(`${row.round_id}:${row.org_id}`);
    return keys;
  }

  /** The organisations the user comments for that were ever invited to a round of the draft. */
  async invitedEver(userId: number, draftId: string): Promise<Set<number>> {
    const rounds = await this.reader.rows(draftId);
    const invited = new Set(
      (
        await listInvitations(
          this.db,
          rounds.map((r) => r.id),
        )
      ).map((i) => i.org_id),
    );
    const grants = await this.users.grantsOf(userId);
    return new Set(grants.filter((g) => g.role === 'commenter' && invited.has(g.orgId)).map((g) => g.orgId));
  }

  /** The invited organisation the user comments for in an open round; refused as `commentingRound` says. */
  async commentingOrg(userId: number, round: RoundRow, orgId?: number): Promise<number> {
    if (!isOpen(round, this.clock.now())) throw new ConflictError('round_closed', 'The round is closed');
    const invited = new Set(await this.reader.invitedOrgIds(round.id));
    const mine = (await this.users.grantsOf(userId))
      .filter((g) => g.role === 'commenter' && invited.has(g.orgId))
      .map((g) => g.orgId);
    const chosen = orgId ?? (mine.length === 1 ? mine[0] : undefined);
    if (mine.length === 0 || (orgId !== undefined && !mine.includes(orgId)))
      throw new ForbiddenError('not_invited', 'Your organisation is not invited to this round');
    if (chosen === undefined)
      throw new ValidationError(
        'validation_failed',
        'You comment for several organisations: say which (orgId)',
      );
    const invitation = await findInvitation(this.db, round.id, chosen);
    if (invitation?.submitted_at !== null)
      throw new ConflictError('org_submitted', 'Your organisation has already sent its comments');
    return chosen;
  }
}
