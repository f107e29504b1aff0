import type { RevisionGroup, RevisionLog } from '../../shared/api/revision-log.ts';
import { round } from './rounds-data.ts';

/** A group of the table; `n` comments from `n` sub-branches. */
export const group = (key: string, n: number, more: Partial<RevisionGroup> = {}): RevisionGroup => ({
  key,
  groupId: null,
  sectionId: 'p1-chi-tieu',
  position: 'Phần thứ nhất › I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
  proposals: [],
  summary: `Đề nghị ${key}`,
  headline: `Có ${n} ý kiến (${n}/10 chi bộ) đề nghị ${key}`,
  comments: Array.from({ length: n }, (_, i) => ({
    id: Number(key.slice(1)) * 100 + i,
    orgId: i + 1,
    orgName: `Chi bộ ${i + 1}`,
    kind: 'comment' as const,
    body: `Đề nghị ${key} (ý kiến ${i + 1})`,
    replacement: null,
    quote: '',
    disposition: null,
    sectionId: more.sectionId === undefined ? 'p1-chi-tieu' : more.sectionId,
    position: more.position ?? 'Phần thứ nhất › I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
    unsent: false,
    similar: [],
    textRemoved: false,
  })),
  orgs: Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Chi bộ ${i + 1}` })),
  disposition: null,
  answer: '',
  mixed: false,
  nextPosition: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU',
  sectionChanged: false,
  ...more,
});

/** A round's table: three groups on two sections, one answered. */
export const revisionLog = (more: Partial<RevisionLog> = {}): RevisionLog => ({
  round: round(4),
  nextLabel: 'Dự thảo lần 3',
  nextVersion: 3,
  unitNoun: 'chi bộ',
  threshold: 0.55,
  counts: {
    invited: 10,
    submitted: 8,
    percent: 80,
    commenting: 6,
    comments: 9,
    groups: 3,
    byDisposition: { accepted: 5, partly: 0, explained: 0, noted: 0, none: 4 },
    groupsByDisposition: { accepted: 1, partly: 0, explained: 0, noted: 0, none: 2 },
  },
  orgs: [],
  groups: [
    group('a1', 5, { disposition: 'accepted', answer: 'Đã bổ sung.', sectionChanged: true, groupId: 12 }),
    group('a2', 1, {
      summary: 'Bổ sung chuyển đổi số',
      headline: 'Có 1 ý kiến (1/10 chi bộ) góp ý: chuyển đổi số',
    }),
    group('a3', 3, {
      sectionId: 'p2-du-bao',
      position: 'Phần thứ hai › I. DỰ BÁO TÌNH HÌNH',
      nextPosition: 'I. DỰ BÁO TÌNH HÌNH',
    }),
  ],
  editable: true,
  ...more,
});
