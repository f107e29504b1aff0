import {
  InvitableOrgs,
  Invitation,
  RoundDashboard,
  RoundList,
  RoundOverviewList,
  type OpenRoundRequest,
  type UpdateRoundRequest,
} from '../../shared/api/rounds.ts';
import { apiPath, request } from '../api/api-client.ts';

/** A draft's consultation rounds, newest first, each with its tally. */
export function listRounds(draftId: string): Promise<RoundList> {
  return request(apiPath(['drafts', draftId, 'rounds']), RoundList);
}

/** The rounds of every draft the caller takes part in (invited or running them). */
export function roundsOverview(): Promise<RoundOverviewList> {
  return request(apiPath(['rounds']), RoundOverviewList);
}

/** One round with its invitations, for the drafting committee. */
export function loadDashboard(draftId: string, roundId: number): Promise<RoundDashboard> {
  return request(apiPath(['drafts', draftId, 'rounds', roundId]), RoundDashboard);
}

/** The organisations a round on this draft may invite. */
export function invitableOrgs(draftId: string): Promise<InvitableOrgs> {
  return request(apiPath(['drafts', draftId, 'rounds', 'invitable']), InvitableOrgs);
}

/** Opens a round on a version of the draft. */
export function openRound(draftId: string, body: OpenRoundRequest): Promise<RoundDashboard> {
  return request(apiPath(['drafts', draftId, 'rounds']), RoundDashboard, { body });
}

/** Extends, closes or otherwise changes an open round. */
export function updateRound(
  draftId: string,
  roundId: number,
  body: UpdateRoundRequest,
): Promise<RoundDashboard> {
  return request(apiPath(['drafts', draftId, 'rounds', roundId]), RoundDashboard, { method: 'PATCH', body });
}

/** Sends an invited organisation's comments to the committee. */
export function submitComments(
  draftId: string,
  roundId: number,
  body: { orgId?: number },
): Promise<Invitation> {
  return request(apiPath(['drafts', draftId, 'rounds', roundId, 'submissions']), Invitation, { body });
}
