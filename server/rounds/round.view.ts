import type { OrgKind } from '../../shared/access.ts';
import type { Invitation, InvitationState, Round, RoundTally } from '../../shared/api/rounds.ts';
import type { InvitationRow, RoundRow } from './round.table.ts';

/** Comments and answered comments of one organisation in one round. */
export interface OrgCounts {
  comments: number;
  answered: number;
}

/** Per round, per organisation counts; the comments module answers. */
export interface CommentCounts {
  countsByOrg(roundIds: readonly number[]): Promise<Map<number, Map<number, OrgCounts>>>;
}

/** Whether a round takes comments at `now`: open and before its deadline. */
export function isOpen(row: RoundRow, now: number): boolean {
  return row.status === 'open' && row.deadline > now;
}

/** A round as the API shows it; an open round past its deadline reads as closed by it. */
export function toRound(row: RoundRow, openedByName: string | null, now: number): Round {
  const expired = row.status === 'open' && row.deadline <= now;
  return {
    id: row.id,
    draftId: row.draft_id,
    version: row.version,
    versionLabel: `Dự thảo lần ${row.version}`,
    title: row.title,
    deadline: new Date(row.deadline).toISOString(),
    status: expired ? 'closed' : row.status,
    closedReason: expired ? 'deadline' : row.closed_reason,
    openedBy: row.opened_by,
    openedByName,
    openedAt: new Date(row.opened_at).toISOString(),
    closedAt: expired ? new Date(row.deadline).toISOString() : iso(row.closed_at),
    allowCompare: row.allow_compare === 1,
  };
}

/** An invitation's state: sent, started (has comments) or not started. */
export function stateOf(row: InvitationRow, counts: OrgCounts | undefined): InvitationState {
  if (row.submitted_at !== null) return 'submitted';
  return (counts?.comments ?? 0) > 0 ? 'in_progress' : 'not_started';
}

/** An invitation as the API shows it. */
export function toInvitation(
  row: InvitationRow,
  round: RoundRow,
  org: { name: string; kind: OrgKind } | undefined,
  counts: OrgCounts | undefined,
  submittedByName: string | null,
  now: number,
): Invitation {
  return {
    orgId: row.org_id,
    orgName: org?.name ?? `#${row.org_id}`,
    orgKind: org?.kind ?? 'branch',
    state: stateOf(row, counts),
    submittedBy: row.submitted_by,
    submittedByName,
    submittedAt: iso(row.submitted_at),
    comments: counts?.comments ?? 0,
    answered: counts?.answered ?? 0,
    overdue: row.submitted_at === null && round.deadline <= now,
  };
}

/** Submitted out of invited, with comment totals. */
export function tallyOf(invitations: readonly Invitation[]): RoundTally {
  const invited = invitations.length;
  const submitted = invitations.filter((i) => i.state === 'submitted').length;
  return {
    invited,
    submitted,
    percent: invited === 0 ? 0 : Math.floor((submitted * 100) / invited),
    overdue: invitations.filter((i) => i.overdue).length,
    comments: invitations.reduce((sum, i) => sum + i.comments, 0),
    answered: invitations.reduce((sum, i) => sum + i.answered, 0),
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
