import type {
  DispositionCounts,
  OrgRevisionCounts,
  RevisionGroup,
  RoundRevisionCounts,
} from '../../shared/api/revision-log.ts';
import type { RoundDashboard } from '../../shared/api/rounds.ts';
import { emptyCounts } from './revision-rollup.ts';

/**
 * The round's figures from its table and dashboard. Every comment is in exactly one group,
 * so counting over groups counts each comment once; an organisation is counted once however
 * many comments or groups it has.
 */
export function countRound(
  groups: readonly RevisionGroup[],
  dashboard: RoundDashboard,
): { counts: RoundRevisionCounts; orgs: OrgRevisionCounts[] } {
  const byDisposition = emptyCounts();
  const groupsByDisposition = emptyCounts();
  const perOrg = new Map<number, { comments: number; groups: Set<string>; by: DispositionCounts }>();
  const orgOf = (id: number) => {
    let entry = perOrg.get(id);
    if (entry === undefined) perOrg.set(id, (entry = { comments: 0, groups: new Set(), by: emptyCounts() }));
    return entry;
  };
  for (const group of groups) {
    groupsByDisposition[group.disposition ?? 'none'] += 1;
    for (const c of group.comments) {
      byDisposition[c.disposition ?? 'none'] += 1;
      const entry = orgOf(c.orgId);
      entry.comments += 1;
      entry.groups.add(group.key);
      entry.by[c.disposition ?? 'none'] += 1;
    }
  }
  const orgs: OrgRevisionCounts[] = dashboard.invitations.map((i) => {
    const entry = perOrg.get(i.orgId);
    return {
      orgId: i.orgId,
      orgName: i.orgName,
      orgKind: i.orgKind,
      state: i.state,
      comments: entry?.comments ?? 0,
      groups: entry?.groups.size ?? 0,
      byDisposition: entry?.by ?? emptyCounts(),
    };
  });
  const comments = groups.reduce((sum, g) => sum + g.comments.length, 0);
  return {
    counts: {
      invited: dashboard.tally.invited,
      submitted: dashboard.tally.submitted,
      percent: dashboard.tally.percent,
      commenting: [...perOrg.values()].filter((e) => e.comments > 0).length,
      comments,
      groups: groups.length,
      byDisposition,
      groupsByDisposition,
    },
    orgs,
  };
}

/** Adds `b` into `a`, disposition by disposition. */
export function addCounts(a: DispositionCounts, b: DispositionCounts): void {
  for (const key of Object.keys(a) as (keyof DispositionCounts)[]) a[key] += b[key];
}

/** What the headlines count organisations as: "chi bộ" when only sub-branches are invited. */
export function unitNounOf(dashboard: RoundDashboard): string {
  return dashboard.invitations.every((i) => i.orgKind === 'branch') ? 'chi bộ' : 'đơn vị';
}
