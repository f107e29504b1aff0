import type { OrgKind, Role } from '../../shared/access.ts';

/** An organisation of the demo tree; `key` names it for parents and people below. */
export interface DemoOrg {
  readonly key: string;
  readonly kind: OrgKind;
  readonly name: string;
  readonly shortName: string;
  /** Key of the parent; null at the top. Parents come before their children. */
  readonly parent: string | null;
}

/** A demo person: one role in their own organisation. */
export interface DemoPerson {
  readonly username: string;
  readonly displayName: string;
  readonly org: string;
  readonly role: Role;
}

/** Key of the pilot unit, whose secretary creates the demo draft. */
export const PILOT_UNIT = 'stnmt';

/** Title of the empty draft the pilot unit starts with. */
export const DEMO_DRAFT_TITLE =
  'Dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ Sở Tài nguyên và Môi trường lần thứ VI, nhiệm kỳ 2025–2030';

const SO = 'Sở Tài nguyên và Môi trường';

/** A provincial bloc with the pilot unit (its sub-branches and mass organisations) and four more units. */
export const DEMO_ORGS: readonly DemoOrg[] = [
  { key: 'khoi', kind: 'bloc', name: 'Đảng bộ Khối Các cơ quan tỉnh', shortName: 'ĐBK', parent: null },
  { key: PILOT_UNIT, kind: 'unit', name: `Đảng bộ ${SO}`, shortName: 'ĐBSTNMT', parent: 'khoi' },
  { key: 'stc', kind: 'unit', name: 'Đảng bộ Sở Tài chính', shortName: 'ĐBSTC', parent: 'khoi' },
  {
    key: 'sgddt',
    kind: 'unit',
    name: 'Đảng bộ Sở Giáo dục và Đào tạo',
    shortName: 'ĐBSGDĐT',
    parent: 'khoi',
  },
  { key: 'syt', kind: 'unit', name: 'Đảng bộ Sở Y tế', shortName: 'ĐBSYT', parent: 'khoi' },
  {
    key: 'vpdbqh',
    kind: 'unit',
    name: 'Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    shortName: 'CBVPĐĐBQH',
    parent: 'khoi',
  },
  { key: 'cb-vp', kind: 'branch', name: 'Chi bộ Văn phòng Sở', shortName: 'CBVPS', parent: PILOT_UNIT },
  {
    key: 'cb-bvmt',
    kind: 'branch',
    name: 'Chi bộ Chi cục Bảo vệ môi trường',
    shortName: 'CBCCBVMT',
    parent: PILOT_UNIT,
  },
  {
    key: 'cb-qt',
    kind: 'branch',
    name: 'Chi bộ Trung tâm Quan trắc tài nguyên và môi trường',
    shortName: 'CBTTQT',
    parent: PILOT_UNIT,
  },
  {
    key: 'cb-dkdd',
    kind: 'branch',
    name: 'Chi bộ Văn phòng Đăng ký đất đai',
    shortName: 'CBVPĐKĐĐ',
    parent: PILOT_UNIT,
  },
  { key: 'cb-tt', kind: 'branch', name: 'Chi bộ Thanh tra Sở', shortName: 'CBTTS', parent: PILOT_UNIT },
  { key: 'cd', kind: 'mass', name: `Công đoàn cơ sở ${SO}`, shortName: 'CĐCS', parent: PILOT_UNIT },
  { key: 'dtn', kind: 'mass', name: `Đoàn Thanh niên ${SO}`, shortName: 'ĐTN', parent: PILOT_UNIT },
  { key: 'ccb', kind: 'mass', name: `Hội Cựu chiến binh ${SO}`, shortName: 'HCCB', parent: PILOT_UNIT },
  { key: 'nc', kind: 'mass', name: `Ban Nữ công Công đoàn ${SO}`, shortName: 'BNC', parent: PILOT_UNIT },
];

/** The bloc office, the pilot unit's secretary and drafting committee, one commenter per org. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { username: 'hantt', displayName: 'Nguyễn Thị Thu Hà', org: 'khoi', role: 'admin' },
  { username: 'hungtv', displayName: 'Trần Văn Hùng', org: PILOT_UNIT, role: 'secretary' },
  { username: 'phuongltm', displayName: 'Lê Thị Minh Phương', org: PILOT_UNIT, role: 'drafter' },
  { username: 'tuanpq', displayName: 'Phạm Quốc Tuấn', org: PILOT_UNIT, role: 'drafter' },
  { username: 'lanvtn', displayName: 'Võ Thị Ngọc Lan', org: PILOT_UNIT, role: 'drafter' },
  { username: 'longdv', displayName: 'Đặng Văn Long', org: 'cb-vp', role: 'commenter' },
  { username: 'huongbtt', displayName: 'Bùi Thị Thanh Hương', org: 'cb-bvmt', role: 'commenter' },
  { username: 'duchm', displayName: 'Hoàng Minh Đức', org: 'cb-qt', role: 'commenter' },
  { username: 'oanhntk', displayName: 'Ngô Thị Kim Oanh', org: 'cb-dkdd', role: 'commenter' },
  { username: 'thangdv', displayName: 'Đỗ Văn Thắng', org: 'cb-tt', role: 'commenter' },
  { username: 'nhungpth', displayName: 'Phan Thị Hồng Nhung', org: 'cd', role: 'commenter' },
  { username: 'baohg', displayName: 'Huỳnh Gia Bảo', org: 'dtn', role: 'commenter' },
  { username: 'khaivd', displayName: 'Vũ Đình Khải', org: 'ccb', role: 'commenter' },
  { username: 'maidt', displayName: 'Dương Thị Mai', org: 'nc', role: 'commenter' },
  { username: 'sonlv', displayName: 'Lý Văn Sơn', org: 'stc', role: 'secretary' },
  { username: 'yentth', displayName: 'Trịnh Thị Hải Yến', org: 'stc', role: 'drafter' },
];
