import type { Kysely } from 'kysely';
import type {
  Invitation,
  InvitableOrgs,
  OpenRoundRequest,
  RoundDashboard,
  RoundList,
  RoundOverview,
  UpdateRoundRequest,
} from '../../shared/api/rounds.ts';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { ConsultationAccess } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { EventHub } from '../events/event-hub.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import { checkDeadline, invitees } from './round-invitees.ts';
import { RoundMembership, type CommentingRound } from './round-membership.ts';
import { RoundReader } from './round.reader.ts';
import type { OpenRounds } from './open-rounds.ts';
import {
  findRound,
  insertRound,
  listInvitations,
  listExpiredOpenRounds,
  markSubmitted,
  updateRound,
} from './round.repository.ts';
import type { RoundRow } from './round.table.ts';
import { isOpen, type CommentCounts } from './round.view.ts';
import type { Clock } from '../time/clock.ts';

/** What a round service is built from. */
export interface RoundDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly drafts: DraftService;
  readonly orgs: OrgService;
  readonly users: UserService;
  readonly epoch: AccessEpoch;
  readonly events: EventHub<string>;
  readonly notifications: NotificationService;
  /** Whether a frozen version exists (the versions module answers). */
  readonly versionExists: (draftId: string, number: number) => Promise<boolean>;
  /** Comment counts per organisation (the comments module answers). */
  readonly counts: CommentCounts;
  /** Open rounds, as access and the draft lifecycle see them. */
  readonly open: OpenRounds;
}

/** Consultation rounds: open, extend, close, submit, and who is invited while they are open. */
export class RoundService implements ConsultationAccess {
  private readonly reader: RoundReader;
  private readonly membership: RoundMembership;

  constructor(private readonly deps: RoundDeps) {
    this.reader = new RoundReader(deps);
    this.membership = new RoundMembership(deps.db, deps.users, this.reader, deps.clock);
  }

  /** Sends a frozen version out for comments: invitations, status `consultation`, notifications. */
  async open(user: User, draftId: string, request: OpenRoundRequest): Promise<RoundDashboard> {
    const { db, drafts } = this.deps;
    const { row: draft } = await drafts.find(user.id, draftId, 'edit');
    if (draft.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    const deadline = checkDeadline(request.deadline, this.deps.clock.now());
    if (!(await this.deps.versionExists(draftId, request.version)))
      throw new NotFoundError('version_not_found', `No version ${request.version} to send out`);
    const orgIds = await invitees(this.reader, draft.org_id, request.orgIds ?? [], request.allOf ?? []);
    // An open round past its deadline counts as closed here; the sweep records it later.
    const current = (await this.reader.rows(draftId)).find((r) => isOpen(r, this.deps.clock.now()));
    if (current !== undefined)
      throw new ConflictError('round_already_open', `Round "${current.title}" is still open`);
    const id = await insertRound(
      db,
      {
        draft_id: draftId,
        version: request.version,
        title: request.title.trim(),
        deadline,
        status: 'open',
        closed_reason: null,
        opened_by: user.id,
        opened_at: this.deps.clock.now(),
        closed_at: null,
        allow_compare: request.allowCompare === true ? 1 : 0,
      },
      orgIds,
    );
    await drafts.setConsultation(draftId, true);
    await this.deps.epoch.bump(); // invited commenters may now open the draft
    const dashboard = await this.reader.dashboard(draftId, id);
    this.publish('opened', dashboard);
    await this.deps.notifications.notify(await this.deps.users.withRole('commenter', orgIds), {
      kind: 'round_opened',
      draftId,
      roundId: id,
      actorName: user.displayName,
      text: request.title.trim(),
    });
    return dashboard;
  }

  /** The draft's rounds with their tallies, for anyone who may open the draft. */
  async list(userId: number, draftId: string): Promise<RoundList> {
    try {
      await this.deps.drafts.find(userId, draftId);
      return { rounds: await this.reader.summaries(draftId) };
    } catch (error) {
      // After its round a commenter's organisation keeps seeing the rounds it took part in
      // (its answers page and an open draft page ask), though no longer the draft itself.
      if (!(error instanceof NotFoundError)) throw error;
      const orgs = await this.invitedEver(userId, draftId);
      if (orgs.size === 0) throw error;
      const rows = await this.reader.rows(draftId);
      const theirs = new Set(
        (
          await listInvitations(
            this.deps.db,
            rows.map((r) => r.id),
          )
        )
          .filter((i) => orgs.has(i.org_id))
          .map((i) => i.round_id),
      );
      return { rounds: (await this.reader.summaries(draftId)).filter((r) => theirs.has(r.round.id)) };
    }
  }

  /** A round's dashboard, for the committee and those who oversee the unit (not for commenters). */
  async dashboard(userId: number, draftId: string, roundId: number): Promise<RoundDashboard> {
    const { access } = await this.deps.drafts.find(userId, draftId);
    if (access === 'comment')
      throw new ForbiddenError('forbidden', 'The round dashboard is for the drafting committee');
    return this.reader.dashboard(draftId, (await this.round(draftId, roundId)).id);
  }

  /** Extends the deadline (re-opening a round its deadline closed) or closes the round now. */
  async update(
    user: User,
    draftId: string,
    roundId: number,
    changes: UpdateRoundRequest,
  ): Promise<RoundDashboard> {
    await this.deps.drafts.find(user.id, draftId, 'edit');
    const round = await this.round(draftId, roundId);
    if (round.status === 'closed' && round.closed_reason === 'closed_early')
      throw new ConflictError('round_closed', 'The round was closed; open a new one');
    if (changes.deadline !== undefined) {
      const deadline = checkDeadline(changes.deadline, this.deps.clock.now());
      if (deadline <= round.deadline)
        throw new ValidationError('validation_failed', 'The new deadline must be later than the current one');
      const other = (await this.reader.rows(draftId)).find(
        (r) => r.id !== roundId && isOpen(r, this.deps.clock.now()),
      );
      if (other !== undefined)
        throw new ConflictError('round_already_open', `Round "${other.title}" is open`);
      await updateRound(this.deps.db, roundId, {
        deadline,
        status: 'open',
        closed_reason: null,
        closed_at: null,
      });
      await this.deps.drafts.setConsultation(draftId, true);
    }
    if (changes.status === 'closed') {
      await updateRound(this.deps.db, roundId, {
        status: 'closed',
        closed_reason: 'closed_early',
        closed_at: this.deps.clock.now(),
      });
      await this.deps.drafts.setConsultation(draftId, false);
    }
    await this.deps.epoch.bump();
    const dashboard = await this.reader.dashboard(draftId, roundId);
    this.publish(dashboard.round.status === 'closed' ? 'closed' : 'updated', dashboard);
    return dashboard;
  }

  /** Sends an organisation's comments (gửi góp ý): from then on they are read-only. */
  async submit(user: User, draftId: string, roundId: number, orgId?: number): Promise<Invitation> {
    const round = await this.round(draftId, roundId);
    const org = await this.membership.commentingOrg(user.id, round, orgId);
    if (!(await markSubmitted(this.deps.db, roundId, org, user.id, this.deps.clock.now())))
      throw new ConflictError('org_submitted', 'This organisation has already sent its comments');
    const dashboard = await this.reader.dashboard(draftId, roundId);
    const invitation = dashboard.invitations.find((i) => i.orgId === org)!;
    this.publish('submitted', dashboard, invitation);
    const { row: draft } = await this.deps.drafts.find(user.id, draftId);
    const committee = [
      ...(await this.deps.users.withRole('drafter', [draft.org_id])),
      ...(await this.deps.users.withRole('secretary', [draft.org_id])),
    ];
    await this.deps.notifications.notify(committee, {
      kind: 'org_submitted',
      draftId,
      roundId,
      actorName: user.displayName,
      text: invitation.orgName,
    });
    return invitation;
  }

  /** See {@link RoundMembership.commentingRound}. */
  commentingRound(userId: number, draftId: string, orgId?: number): Promise<CommentingRound> {
    return this.membership.commentingRound(userId, draftId, orgId);
  }

  /** Whether an organisation may still change its comments in a round (open, not submitted). */
  isEditable(roundId: number, orgId: number): Promise<boolean> {
    return this.membership.isEditable(roundId, orgId);
  }

  /** `round:org` keys of the invitations of these rounds whose comments may still change. */
  editableKeys(roundIds: readonly number[]): Promise<Set<string>> {
    return this.membership.editableKeys(roundIds);
  }

  /** The organisations the user comments for that were ever invited to a round of the draft. */
  invitedEver(userId: number, draftId: string): Promise<Set<number>> {
    return this.membership.invitedEver(userId, draftId);
  }

  /** Whether a round on the draft is still taking comments (a final draft waits for it). */
  hasOpenRound(draftId: string): Promise<boolean> {
    return this.deps.open.hasOpenRound(draftId);
  }

  /** ConsultationAccess: organisations invited to a round of the draft that is open now. */
  comparingOrgIds(draftId: string): Promise<readonly number[]> {
    return this.deps.open.comparingOrgIds(draftId);
  }

  invitedOrgIds(draftId: string): Promise<readonly number[]> {
    return this.deps.open.invitedOrgIds(draftId);
  }

  /** Rounds the user takes part in: their drafts', those they oversee, those they are invited to. */
  overview(user: User): Promise<RoundOverview[]> {
    return this.reader.overview(user);
  }

  /** Organisations a round on the draft may invite: sub-branches and mass organisations under its unit. */
  async invitable(userId: number, draftId: string): Promise<InvitableOrgs> {
    const { row } = await this.deps.drafts.find(userId, draftId, 'edit');
    return { orgs: await this.reader.invitableUnder(row.org_id) };
  }

  /**
   * Closes open rounds whose deadline has passed: invited commenters lose access (open
   * sockets re-check), the drafts return to drafting, open pages hear of it. Run periodically.
   */
  async sweep(now = this.deps.clock.now()): Promise<number> {
    const expired = await listExpiredOpenRounds(this.deps.db, now);
    for (const round of expired) {
      await updateRound(this.deps.db, round.id, {
        status: 'closed',
        closed_reason: 'deadline',
        closed_at: round.deadline,
      });
      // A newer round may already be open on the draft (opened after this deadline passed).
      const stillOut = (await this.reader.rows(round.draft_id)).some((r) => isOpen(r, now));
      if (!stillOut) await this.deps.drafts.setConsultation(round.draft_id, false);
      this.publish('closed', await this.reader.dashboard(round.draft_id, round.id));
    }
    if (expired.length > 0) await this.deps.epoch.bump();
    return expired.length;
  }

  /** Throws `round_not_found` unless the round is one of this draft's (callers check access first). */
  async requireOnDraft(draftId: string, roundId: number): Promise<void> {
    await this.round(draftId, roundId);
  }

  private async round(draftId: string, roundId: number): Promise<RoundRow> {
    const round = await findRound(this.deps.db, roundId);
    if (round === undefined || round.draft_id !== draftId)
      throw new NotFoundError('round_not_found', `No round ${roundId} on this draft`);
    return round;
  }

  private publish(
    action: 'opened' | 'updated' | 'closed' | 'submitted',
    d: RoundDashboard,
    invitation: Invitation | null = null,
  ): void {
    this.deps.events.publish(d.round.draftId, 'round', {
      action,
      round: d.round,
      tally: d.tally,
      invitation,
    });
  }
}
