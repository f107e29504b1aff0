import type {
  Invitation,
  InvitableOrgs,
  RoundDashboard,
  RoundOverview,
  RoundTally,
} from '../../shared/api/rounds.ts';
import type { User } from '../users/user.service.ts';
import {
  findRound,
  listDraftRounds,
  listInvitations,
  listRoundsInviting,
  listRoundsOfDrafts,
} from './round.repository.ts';
import type { RoundDeps } from './round.service.ts';
import type { InvitationRow, RoundRow } from './round.table.ts';
import { tallyOf, toInvitation, toRound } from './round.view.ts';

/**
 * Builds what the round endpoints return: rounds with their tallies and invitations, in a
 * fixed number of queries however many organisations are invited (277 is a normal unit).
 */
export class RoundReader {
  constructor(private readonly deps: RoundDeps) {}

  /** A draft's round rows, newest first. */
  rows(draftId: string): Promise<RoundRow[]> {
    return listDraftRounds(this.deps.db, draftId);
  }

  /** Ids of the organisations invited to a round. */
  async invitedOrgIds(roundId: number): Promise<number[]> {
    return (await listInvitations(this.deps.db, [roundId])).map((i) => i.org_id);
  }

  /** One round with every invitation. */
  async dashboard(draftId: string, roundId: number): Promise<RoundDashboard> {
    const round = await findRound(this.deps.db, roundId);
    if (round === undefined || round.draft_id !== draftId)
      throw new Error(`round ${roundId} is not on ${draftId}`);
    const [built] = await this.build([round]);
    return built!;
  }

  /** A draft's rounds with tallies, newest first. */
  async summaries(draftId: string): Promise<{ round: RoundDashboard['round']; tally: RoundTally }[]> {
    return (await this.build(await this.rows(draftId))).map(({ round, tally }) => ({ round, tally }));
  }

  /** Rounds the user takes part in, newest first. */
  async overview(user: User): Promise<RoundOverview[]> {
    const { users, orgs, drafts } = this.deps;
    const grants = await users.grantsOf(user.id);
    const committeeOrgs = grants
      .filter((g) => g.role === 'drafter' || g.role === 'secretary')
      .map((g) => g.orgId);
    const overseen = await orgs.subtreeOf(grants.filter((g) => g.role === 'admin').map((g) => g.orgId));
    const ownDrafts = await drafts.idsOfOrgs([...committeeOrgs, ...overseen]);
    const commenterOrgs = grants.filter((g) => g.role === 'commenter').map((g) => g.orgId);
    const invited = await listRoundsInviting(this.deps.db, commenterOrgs);
    const byId = new Map<number, RoundRow>();
    for (const round of await listRoundsOfDrafts(this.deps.db, ownDrafts)) byId.set(round.id, round);
    for (const round of invited) byId.set(round.id, round);
    const rounds = [...byId.values()].sort((a, b) => b.id - a.id);
    const built = await this.build(rounds);
    const titles = await drafts.titles([...new Set(rounds.map((r) => r.draft_id))]);
    const orgNames = new Map((await orgs.list()).map((o) => [o.id, o.name]));
    const mineOf = new Map(invited.map((r) => [r.id, r.org_id]));
    return built.map(({ round, tally, invitations }) => {
      const draft = titles.get(round.draftId);
      const mineId = mineOf.get(round.id);
      return {
        round,
        tally,
        draft: {
          id: round.draftId,
          title: draft?.title ?? '',
          orgId: draft?.orgId ?? 0,
          orgName: orgNames.get(draft?.orgId ?? 0) ?? '',
        },
        mine: mineId === undefined ? null : (invitations.find((i) => i.orgId === mineId) ?? null),
      };
    });
  }

  /** Sub-branches and mass organisations directly under a unit, by name. */
  async invitableUnder(unitId: number): Promise<InvitableOrgs['orgs']> {
    const all = await this.deps.orgs.list();
    return all
      .filter((o) => o.parentId === unitId && (o.kind === 'branch' || o.kind === 'mass'))
      .map((o) => ({ id: o.id, kind: o.kind as 'branch' | 'mass', name: o.name, shortName: o.shortName }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi'));
  }

  private async build(rounds: readonly RoundRow[]): Promise<RoundDashboard[]> {
    if (rounds.length === 0) return [];
    const ids = rounds.map((r) => r.id);
    const [invitations, counts, orgList] = await Promise.all([
      listInvitations(this.deps.db, ids),
      this.deps.counts.countsByOrg(ids),
      this.deps.orgs.list(),
    ]);
    const orgs = new Map(orgList.map((o) => [o.id, o]));
    const names = await this.names([
      ...rounds.map((r) => r.opened_by),
      ...invitations.map((i) => i.submitted_by),
    ]);
    const byRound = new Map<number, InvitationRow[]>();
    for (const row of invitations) {
      const list = byRound.get(row.round_id) ?? [];
      list.push(row);
      byRound.set(row.round_id, list);
    }
    const now = this.deps.clock.now();
    return rounds.map((round) => {
      const list: Invitation[] = (byRound.get(round.id) ?? [])
        .map((row) =>
          toInvitation(
            row,
            round,
            orgs.get(row.org_id),
            counts.get(round.id)?.get(row.org_id),
            row.submitted_by === null ? null : (names.get(row.submitted_by) ?? null),
            now,
          ),
        )
        .sort((a, b) => a.orgName.localeCompare(b.orgName, 'vi'));
      const opener = round.opened_by === null ? null : (names.get(round.opened_by) ?? null);
      return { round: toRound(round, opener, now), tally: tallyOf(list), invitations: list };
    });
  }

  private names(ids: readonly (number | null)[]): Promise<Map<number, string>> {
    return this.deps.users.namesOf(ids);
  }
}
