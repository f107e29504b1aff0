import type { InvitableOrg } from '../../client/rounds/vk-round-org-picker.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type {
  Invitation,
  Round,
  RoundDashboard,
  RoundOverview,
  RoundTally,
} from '../../shared/api/rounds.ts';

const DAY = 86_400_000;

/** An ISO time `days` from now (negative: in the past), so deadlines stay ahead of the clock. */
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

/** A round of draft d1 as the API returns it. */
export const round = (id: number, more: Partial<Round> = {}): Round => ({
  id,
  draftId: 'd1',
  version: 2,
  versionLabel: 'Dự thảo lần 2',
  title: 'Lấy ý kiến góp ý Dự thảo lần 2',
  deadline: daysFromNow(5.5),
  status: 'open',
  closedReason: null,
  openedBy: 7,
  openedByName: 'Phạm Thị Phương',
  openedAt: '2026-03-02T08:00:00.000Z',
  closedAt: null,
  allowCompare: false,
  ...more,
});

/** An invited organisation's state. */
export const invitation = (orgId: number, orgName: string, more: Partial<Invitation> = {}): Invitation => ({
  orgId,
  orgName,
  orgKind: 'branch',
  state: 'not_started',
  submittedBy: null,
  submittedByName: null,
  submittedAt: null,
  comments: 0,
  answered: 0,
  overdue: false,
  ...more,
});

/** A tally. */
export const tally = (more: Partial<RoundTally> = {}): RoundTally => ({
  invited: 277,
  submitted: 200,
  percent: 72,
  overdue: 12,
  comments: 345,
  answered: 120,
  ...more,
});

/** Four organisations in every state: one overdue, one sent. */
export const INVITATIONS: Invitation[] = [
  invitation(11, 'Chi bộ Văn phòng Sở', {
    state: 'submitted',
    submittedBy: 21,
    submittedByName: 'Lê Thị Mai',
    submittedAt: '2026-03-05T09:30:00.000Z',
    comments: 5,
    answered: 3,
  }),
  invitation(12, 'Chi bộ Thanh tra Sở', { state: 'in_progress', comments: 2, answered: 0 }),
  invitation(13, 'Chi bộ Chi cục Bảo vệ môi trường', { overdue: true }),
  invitation(14, 'Đoàn Thanh niên Sở', { orgKind: 'mass', state: 'in_progress', comments: 1, answered: 1 }),
];

/** A dashboard of round `id` with {@link INVITATIONS}. */
export const dashboard = (id: number, more: Partial<Round> = {}): RoundDashboard => ({
  round: round(id, more),
  tally: tally({ invited: 4, submitted: 1, percent: 25, overdue: 1, comments: 8, answered: 4 }),
  invitations: INVITATIONS,
});

/** Draft d1 with the given access. */
export const draft = (more: Partial<Draft> = {}): Draft => ({
  id: 'd1',
  orgId: 3,
  title: 'Báo cáo chính trị Đại hội VI',
  createdBy: 7,
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  access: 'edit',
  status: 'consultation',
  archived: false,
  templateId: null,
  templateVersion: null,
  header: {},
  lastEdit: null,
  ...more,
});

/** A round as `GET /api/rounds` lists it. */
export const overview = (
  id: number,
  unit: { id: number; name: string },
  more: {
    round?: Partial<Round>;
    tally?: Partial<RoundTally>;
    mine?: Invitation | null;
    title?: string;
  } = {},
): RoundOverview => ({
  round: round(id, { draftId: `d${id}`, ...more.round }),
  tally: tally(more.tally),
  draft: {
    id: `d${id}`,
    title: more.title ?? `Báo cáo chính trị ${unit.name}`,
    orgId: unit.id,
    orgName: unit.name,
  },
  mine: more.mine ?? null,
});

/** Three sub-branches and two mass organisations of the unit. */
export const ORGS: InvitableOrg[] = [
  { id: 11, kind: 'branch', name: 'Chi bộ Văn phòng Sở', shortName: 'CBVPS' },
  { id: 12, kind: 'branch', name: 'Chi bộ Thanh tra Sở', shortName: 'CBTTS' },
  { id: 13, kind: 'branch', name: 'Chi bộ Chi cục Bảo vệ môi trường', shortName: 'CBCCBVMT' },
  { id: 21, kind: 'mass', name: 'Công đoàn cơ sở', shortName: 'CĐCS' },
  { id: 22, kind: 'mass', name: 'Đoàn Thanh niên', shortName: 'ĐTN' },
];
