import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionLog, RevisionTotals } from '../../../shared/api/revision-log.ts';
import {
  groupComments,
  type GroupingComment,
} from '../../../server/revision-log/grouping/comment-grouping.ts';
import { loadVocabulary } from '../../../server/revision-log/grouping/grouping-vocabulary.ts';
import { api } from '../../helpers/http-client.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { BUDGET, BUDGET_PLAIN, DIGITAL, ORGS, plan, SUBMITTED } from './near-duplicates.ts';
import { revisionRound, type RevisionRound } from './revision-round.ts';

const vocabulary = loadVocabulary();
const SECTIONS = [
  { id: 'p1', parentId: null },
  { id: 'p1-a', parentId: 'p1' },
  { id: 'p1-b', parentId: 'p1' },
  { id: 'p2', parentId: null },
  { id: 'p2-a', parentId: 'p2' },
];
const comment = (body: string, sectionId: string | null = 'p1-a', more: Partial<GroupingComment> = {}) => ({
  sectionId,
  kind: 'comment' as const,
  body,
  quote: null,
  suggestedText: null,
  ...more,
});
const grouped = (comments: GroupingComment[], threshold = 0.4) =>
  groupComments({ comments, sections: SECTIONS, threshold, suggestions: 3 }, vocabulary);

describe('grouping the comments of a round', () => {
  it('meets a request typed without diacritics, in capitals or with an s/x slip', () => {
    const { groups } = grouped([
      comment(BUDGET[0]!),
      comment(BUDGET_PLAIN),
      comment(BUDGET[3]!),
      comment('Đề nghị bổ xung số liệu cụ thể về thu ngân sách năm 2025.'),
      comment(DIGITAL[0]!),
    ]);
    expect(groups).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('does not let a stock opener or a shared "đề nghị bổ sung" pull different requests together', () => {
    const { groups } = grouped([
      comment(
        'Chi bộ cơ bản nhất trí với dự thảo, tuy nhiên đề nghị bổ sung số liệu thu ngân sách năm 2025.',
      ),
      comment('Chi bộ cơ bản nhất trí với dự thảo, tuy nhiên đề nghị bổ sung nội dung chuyển đổi số.'),
      comment('Đề nghị bổ sung nội dung về chuyển đổi số trong quản lý.'),
    ]);
    expect(groups).toEqual([[0], [1, 2]]);
  });

  it('puts comments that only agree in one group, across sections, apart from agreeing openers', () => {
    const { groups } = grouped([
      comment('Chi bộ nhất trí với toàn văn dự thảo, không có ý kiến khác.', null),
      comment('dong y voi du thao', 'p2'),
      comment('Thống nhất cao với dự thảo báo cáo.', null),
      comment('Nhất trí với dự thảo; đề nghị rút gọn báo cáo.', null),
    ]);
    expect(groups).toEqual([[0, 1, 2], [3]]);
  });

  it('keeps apart the opposite request, a different figure and a different cause', () => {
    const { groups } = grouped([
      comment('Đề nghị hạ chỉ tiêu kết nạp đảng viên mới xuống 40 đồng chí.', 'p2-a'),
      comment('Đề nghị giữ nguyên chỉ tiêu kết nạp đảng viên mới như dự thảo.', 'p2-a'),
      comment('Đề nghị hạ chỉ tiêu kết nạp đảng viên mới xuống 45 đồng chí.', 'p2-a'),
      comment('Đề nghị bổ sung nguyên nhân chủ quan: công tác tham mưu chưa kịp thời.', 'p1-b'),
      comment('Đề nghị bổ sung nguyên nhân khách quan: công tác tham mưu chưa kịp thời.', 'p1-b'),
    ]);
    expect(groups).toEqual([[0], [1], [2], [3], [4]]);
  });

  it('compares adjacent sections and the whole document, never distant ones', () => {
    const body = 'Đề nghị làm rõ kết quả sắp xếp, xử lý nhà đất dôi dư sau hợp nhất.';
    expect(grouped([comment(body, 'p1-a'), comment(body, 'p1-b')]).groups).toEqual([[0, 1]]);
    expect(grouped([comment(body, 'p1'), comment(body, 'p1-a')]).groups).toEqual([[0, 1]]);
    expect(grouped([comment(body, null), comment(body, 'p2-a')]).groups).toEqual([[0, 1]]);
    expect(grouped([comment(body, 'p1-a'), comment(body, 'p2-a')]).groups).toEqual([[0], [1]]);
  });

  it('never chains: one shared phrase does not join requests that are otherwise different', () => {
    const shared = 'xếp loại hoàn thành xuất sắc nhiệm vụ';
    const { groups } = grouped([
      comment(`Đề nghị nêu số đảng viên ${shared} từng năm.`),
      comment(`Đề nghị nêu số đảng viên ${shared} từng năm trong nhiệm kỳ.`),
      comment(`Tỷ lệ ${shared} còn cao, đề nghị bổ sung vào phần hạn chế.`),
      comment(`Đề nghị bổ sung vào phần hạn chế: tỷ lệ ${shared} còn cao, chưa thực chất.`),
    ]);
    expect(groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('a stricter threshold splits partial rewordings apart', () => {
    const pair = [
      comment('Đề nghị bổ sung số liệu thu ngân sách năm 2025 và chi đầu tư phát triển.'),
      comment('Đề nghị bổ sung số liệu thu ngân sách năm 2025 và chi thường xuyên.'),
    ];
    expect(grouped(pair, 0.35).groups).toEqual([[0, 1]]);
    expect(grouped(pair, 1).groups).toEqual([[0], [1]]);
  });

  it('leaves a fixed group as it is and ranks similar comments, most similar first', () => {
    const { groups, similar } = groupComments(
      {
        comments: [comment(BUDGET[0]!), comment(BUDGET[1]!), comment(DIGITAL[0]!), comment(BUDGET[2]!)],
        sections: SECTIONS,
        threshold: 0.4,
        fixed: [[0, 2]],
        suggestions: 2,
      },
      vocabulary,
    );
    expect(groups).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect([...similar[1]!].sort()).toEqual([0, 3]);
  });
});

describe('the consolidated table of a round of 60 organisations', () => {
  let server: TestServer;
  let round: RevisionRound;
  let log: RevisionLog;

  beforeAll(async () => {
    server = await startTestServer();
    round = await revisionRound(server, { orgs: ORGS, plan, submitted: SUBMITTED });
    const read = await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log`);
    expect(read.status).toBe(200);
    log = read.body;
  }, 120_000);
  afterAll(() => server?.stop());

  it('groups the rewordings of each request across organisations, in document order', () => {
    expect(log.groups.map((g) => [g.sectionId, g.comments.length])).toEqual([
      ['p1-chi-tieu', 21],
      ['p1-chi-tieu', 15],
      ['p2-du-bao', 10],
    ]);
    const [budget] = log.groups;
    // 21 comments, but organisation 0 wrote two of them: 20 organisations.
    expect(budget!.orgs).toHaveLength(20);
    expect(budget!.headline).toBe(
      'Có 21 ý kiến (20/60 chi bộ) đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025',
    );
    expect(budget!.position).toBe('Phần thứ nhất › I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU');
    expect(budget!.groupId).toBeNull();
    expect(log.unitNoun).toBe('chi bộ');
  });

  it('leaves out organisations that have not sent yet, and lists them marked on request', async () => {
    expect(log.groups.flatMap((g) => g.comments).every((c) => !c.unsent)).toBe(true);
    const all = (await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log?unsent=true`)).body;
    expect(all.counts.comments).toBe(62);
    expect(all.groups.slice(0, 3).map((g) => g.comments.length)).toEqual([22, 15, 15]);
    // The budget request typed without diacritics (organisation 51, not sent) joins its group.
    const budget = all.groups[0]!;
    expect(budget.comments.map((c) => c.body)).toContain(BUDGET_PLAIN);
    expect(budget.comments.find((c) => c.body === BUDGET_PLAIN)!.unsent).toBe(true);
    // One comment of one organisation reads as that organisation's request.
    const single = all.groups.find((g) => g.comments.length === 1)!;
    expect(single.headline.startsWith(`${single.orgs[0]!.name} `)).toBe(true);
  });

  it('counts each comment and each organisation once, as computed by hand', () => {
    expect(log.counts).toEqual({
      invited: 60,
      submitted: 45,
      percent: 75,
      commenting: 45,
      comments: 46,
      groups: 3,
      byDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 46 },
      groupsByDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 3 },
    });
    const byName = new Map(log.orgs.map((o) => [o.orgName, o]));
    expect(byName.get('Chi bộ 001')).toMatchObject({ comments: 2, groups: 1, state: 'submitted' });
    expect(byName.get('Chi bộ 051')).toMatchObject({ comments: 0, groups: 0, state: 'in_progress' });
    expect(log.orgs.reduce((sum, o) => sum + o.comments, 0)).toBe(log.counts.comments);
  });

  it('a threshold of 1 keeps only comments with the same words together; out of range is refused', async () => {
    const strict = await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log?threshold=1`);
    expect(strict.body.threshold).toBe(1);
    // These rewordings differ in case, punctuation, stopwords or an added word only.
    expect(strict.body.groups.length).toBe(log.groups.length);
    expect(strict.body.counts.comments).toBe(46);
    const bad = await round.call('editor', `/rounds/${round.roundId}/log?threshold=0.1`);
    expect(bad.status).toBe(400);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.httpUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const base = '/drafts/{id}/rounds/{roundId}/log';
    for (const path of [
      base,
      `${base}/groups`,
      `${base}/export`,
      `${base}/report/export`,
      `${base}/report`,
      '/revision-log/totals',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('the bloc admin sees the unit summed, each organisation counted once', async () => {
    const response = await api(server, '/revision-log/totals', {
      token: server.workspace.users.reader.token,
    });
    const totals = (await response.json()) as RevisionTotals;
    expect(response.status).toBe(200);
    expect(totals.units).toHaveLength(1);
    expect(totals.total).toEqual({
      rounds: 1,
      invitedOrgs: 60,
      submittedOrgs: 45,
      comments: 46,
      groups: 3,
      byDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 46 },
    });
  });
});
