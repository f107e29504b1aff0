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
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { ConsultationAccess } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { EventHub } from '../events/event-hub.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import { RoundReader } from './round.reader.ts';
import {
  findInvitation,
  findRound,
  insertRound,
  listInvitations,
  listExpiredOpenRounds,
  markSubmitted,
  selectOpenInvitedOrgIds,
  updateRound,
} from './round.repository.ts';
import type { RoundRow } from './round.table.ts';
import { isOpen, type CommentCounts } from './round.view.ts';

/** What a round service is built from. */
export interface RoundDeps {
  readonly db: Kysely<Database>;
  readonly drafts: DraftService;
  readonly orgs: OrgService;
  readonly users: UserService;
  readonly epoch: AccessEpoch;
  readonly events: EventHub<string>;
  readonly notifications: NotificationService;
  /** Whether a frozen version exists (the versions module answers). */
  readonly versionExists: (draftId: string, number: number) => Promise<boolean>;
  /** Comment counts per organisation (the comments module answers; bound late). */
  readonly counts: () => CommentCounts;
}

/** Consultation rounds: open, extend, close, submit, and who is invited while they are open. */
export class RoundService implements ConsultationAccess {
  private readonly reader: RoundReader;

  constructor(private readonly deps: RoundDeps) {
    this.reader = new RoundReader(deps);
  }

  /** Sends a frozen version out for comments: invitations, status `consultation`, notifications. */
  async open(user: User, draftId: string, request: OpenRoundRequest): Promise<RoundDashboard> {
    const { db, drafts } = this.deps;
    const { row: draft } = await drafts.find(user.id, draftId, 'edit');
    if (draft.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    const deadline = this.checkDeadline(request.deadline);
    if (!(await this.deps.versionExists(draftId, request.version)))
      throw new NotFoundError('version_not_found', `No Dự thảo lần ${request.version} to send out`);
    const orgIds = await this.invitees(draft.org_id, request.orgIds ?? [], request.allOf ?? []);
    // An open round past its deadline counts as closed here; the sweep records it later.
    const current = (await this.reader.rows(draftId)).find((r) => isOpen(r));
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
        opened_at: Date.now(),
        closed_at: null,
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
      const deadline = this.checkDeadline(changes.deadline);
      if (deadline <= round.deadline)
        throw new ValidationError('validation_failed', 'The new deadline must be later than the current one');
      const other = (await this.reader.rows(draftId)).find((r) => r.id !== roundId && isOpen(r));
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
        closed_at: Date.now(),
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
    const org = await this.commentingOrg(user.id, round, orgId);
    if (!(await markSubmitted(this.deps.db, roundId, org, user.id, Date.now())))
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

  /**
   * The round open for comments on a draft and the organisation the user comments for
   * there. Refused when no round is open (round_closed), the user comments for no invited
   * organisation (not_invited) or it has already submitted (org_submitted).
   */
  async commentingRound(
    userId: number,
    draftId: string,
    orgId?: number,
  ): Promise<{ round: RoundRow; orgId: number }> {
    const rows = await this.reader.rows(draftId);
    const round = rows.find((r) => isOpen(r));
    if (round === undefined)
      throw new ConflictError(
        'round_closed',
        rows.length === 0 ? 'The draft is not out for comments' : 'The round is closed',
      );
    return { round, orgId: await this.commentingOrg(userId, round, orgId) };
  }

  /** Whether an organisation may still change its comments in a round (open, not submitted). */
  async isEditable(roundId: number, orgId: number): Promise<boolean> {
    const round = await findRound(this.deps.db, roundId);
    if (round === undefined || !isOpen(round)) return false;
    return (await findInvitation(this.deps.db, roundId, orgId))?.submitted_at === null;
  }

  /** `round:org` keys of the invitations of these rounds whose comments may still change. */
  async editableKeys(roundIds: readonly number[]): Promise<Set<string>> {
    const keys = new Set<string>();
    if (roundIds.length === 0) return keys;
    const now = Date.now();
    const open = new Set<number>();
    for (const id of new Set(roundIds)) {
      const round = await findRound(this.deps.db, id);
      if (round !== undefined && isOpen(round, now)) open.add(id);
    }
    for (const row of await listInvitations(this.deps.db, [...open]))
      if (row.submitted_at === null) keys.add(`${row.round_id}:${row.org_id}`);
    return keys;
  }

  /** The organisations the user comments for that were ever invited to a round of the draft. */
  async invitedEver(userId: number, draftId: string): Promise<Set<number>> {
    const rounds = await this.reader.rows(draftId);
    const invited = new Set(
      (
        await listInvitations(
          this.deps.db,
          rounds.map((r) => r.id),
        )
      ).map((i) => i.org_id),
    );
    const grants = await this.deps.users.grantsOf(userId);
    return new Set(grants.filter((g) => g.role === 'commenter' && invited.has(g.orgId)).map((g) => g.orgId));
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

  /** ConsultationAccess: organisations invited to a round of the draft that is open now. */
  invitedOrgIds(draftId: string): Promise<readonly number[]> {
    return selectOpenInvitedOrgIds(this.deps.db, draftId, Date.now());
  }

  /**
   * Closes open rounds whose deadline has passed: invited commenters lose access (open
   * sockets re-check), the drafts return to drafting, open pages hear of it. Run periodically.
   */
  async sweep(now = Date.now()): Promise<number> {
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

  private async commentingOrg(userId: number, round: RoundRow, orgId?: number): Promise<number> {
    if (!isOpen(round)) throw new ConflictError('round_closed', 'The round is closed');
    const invited = new Set(await this.reader.invitedOrgIds(round.id));
    const mine = (await this.deps.users.grantsOf(userId))
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
    const invitation = await findInvitation(this.deps.db, round.id, chosen);
    if (invitation?.submitted_at !== null)
      throw new ConflictError('org_submitted', 'Your organisation has already sent its comments');
    return chosen;
  }

  private async round(draftId: string, roundId: number): Promise<RoundRow> {
    const round = await findRound(this.deps.db, roundId);
    if (round === undefined || round.draft_id !== draftId)
      throw new NotFoundError('round_not_found', `No round ${roundId} on this draft`);
    return round;
  }

  private async invitees(
    unitId: number,
    orgIds: readonly number[],
    allOf: readonly string[],
  ): Promise<number[]> {
    const allowed = await this.reader.invitableUnder(unitId);
    const byId = new Map(allowed.map((o) => [o.id, o]));
    const chosen = new Set<number>(allowed.filter((o) => allOf.includes(o.kind)).map((o) => o.id));
    for (const id of orgIds) {
      if (!byId.has(id))
        throw new ValidationError(
          'validation_failed',
          `Organisation ${id} is not a sub-branch or mass organisation of this unit`,
        );
      chosen.add(id);
    }
    if (chosen.size === 0) throw new ValidationError('validation_failed', 'Invite at least one organisation');
    return [...chosen];
  }

  private checkDeadline(text: string): number {
    const deadline = Date.parse(text);
    const now = Date.now();
    if (!(deadline > now))
      throw new ValidationError('validation_failed', 'The deadline must be in the future');
    if (deadline > now + COMMENT_LIMITS.deadlineMaxDays * 86_400_000)
      throw new ValidationError('validation_failed', 'The deadline must be within a year');
    return deadline;
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
