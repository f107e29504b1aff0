import type { RevisionTotals } from '../../shared/api/revision-log.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { RoundService } from '../rounds/round.service.ts';
import type { User } from '../users/user.service.ts';
import { addCounts } from './revision-counts.ts';
import type { RevisionLogService } from './revision-log.service.ts';
import { emptyCounts } from './revision-rollup.ts';

type UnitTotals = RevisionTotals['units'][number];

/**
 * Consultation figures summed bottom-up over every unit the caller drafts for or oversees
 * (a bloc admin: every unit of the bloc). Comments and groups belong to one round each, so
 * they add up; organisations are counted once per unit however many rounds invited them,
 * and an organisation sits under one unit, so the bloc's sum counts it once too.
 */
export class RevisionTotalsService {
  constructor(
    private readonly deps: {
      readonly rounds: RoundService;
      readonly log: RevisionLogService;
      readonly orgs: OrgService;
    },
  ) {}

  /** Per unit, and the total. */
  async totals(user: User): Promise<RevisionTotals> {
    const overview = (await this.deps.rounds.overview(user)).filter((r) => r.mine === null);
    const orgNames = new Map((await this.deps.orgs.list()).map((o) => [o.id, o.name]));
    const units = new Map<number, UnitTotals & { invited: Set<number>; submitted: Set<number> }>();
    for (const { round, draft } of overview) {
      const log = await this.deps.log.log(user.id, round.draftId, round.id);
      let unit = units.get(draft.orgId);
      if (unit === undefined) {
        unit = {
          ...zero(),
          orgId: draft.orgId,
          orgName: orgNames.get(draft.orgId) ?? '',
          invited: new Set(),
          submitted: new Set(),
        };
        units.set(draft.orgId, unit);
      }
      unit.rounds += 1;
      unit.comments += log.counts.comments;
      unit.groups += log.counts.groups;
      addCounts(unit.byDisposition, log.counts.byDisposition);
      for (const org of log.orgs) {
        unit.invited.add(org.orgId);
        if (org.state === 'submitted') unit.submitted.add(org.orgId);
      }
    }
    const list: UnitTotals[] = [...units.values()]
      .map(({ invited, submitted, ...rest }) => ({
        ...rest,
        invitedOrgs: invited.size,
        submittedOrgs: submitted.size,
      }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, 'vi'));
    const total = zero();
    for (const unit of list) {
      total.rounds += unit.rounds;
      total.invitedOrgs += unit.invitedOrgs;
      total.submittedOrgs += unit.submittedOrgs;
      total.comments += unit.comments;
      total.groups += unit.groups;
      addCounts(total.byDisposition, unit.byDisposition);
    }
    return { units: list, total };
  }
}

function zero(): RevisionTotals['total'] {
  return {
    rounds: 0,
    invitedOrgs: 0,
    submittedOrgs: 0,
    comments: 0,
    groups: 0,
    byDisposition: emptyCounts(),
  };
}
