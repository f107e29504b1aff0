import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionLog, RevisionTotals } from '../../../shared/api/revision-log.ts';
import {
  dice,
  featuresOf,
  groupNearDuplicates,
  normaliseText,
} from '../../../server/revision-log/comment-grouping.ts';
import { api } from '../../helpers/http-client.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { BUDGET, BUDGET_PLAIN, DIGITAL, ORGS, plan, SUBMITTED } from './near-duplicates.ts';
import { revisionRound, type RevisionRound } from './revision-round.ts';

const similarity = (a: string, b: string) => dice(featuresOf(normaliseText(a)), featuresOf(normaliseText(b)));

describe('near-duplicate detection', () => {
  it('normalises case, punctuation and spacing but keeps Vietnamese diacritics', () => {
    expect(normaliseText('  ĐỀ NGHỊ, bổ   sung (số liệu)!! ')).toBe('đề nghị bổ sung số liệu');
    expect(normaliseText('Đề nghị')).not.toBe(normaliseText('De nghi'));
    // Composed and decomposed forms of the same text are the same text.
    expect(normaliseText('Thuế'.normalize('NFD'))).toBe(normaliseText('Thuế'));
  });

  it('rewordings of one request reach the threshold; different requests with the same opening do not', () => {
    for (const variant of BUDGET) expect(similarity(BUDGET[0]!, variant)).toBeGreaterThanOrEqual(0.55);
    expect(similarity(BUDGET[0]!, DIGITAL[0]!)).toBeLessThan(0.4);
    expect(similarity(BUDGET[0]!, BUDGET_PLAIN)).toBe(0);
  });

  it('groups transitively and keeps input order inside a group', () => {
    const groups = groupNearDuplicates(
      [
        { id: 1, text: 'a b c d e' },
        { id: 2, text: 'x y z' },
        { id: 3, text: 'a b c d e f' },
        { id: 4, text: 'A, b c d e f g!' },
        { id: 5, text: '' },
        { id: 6, text: '...' },
      ],
      0.55,
    );
    expect(groups).toEqual([[1, 3, 4], [2], [5, 6]]);
    expect(
      groupNearDuplicates(
        [
          { id: 1, text: 'a b c' },
          { id: 2, text: 'a b c d' },
        ],
        1,
      ),
    ).toEqual([[1], [2]]);
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

  it('groups near-duplicate comments across organisations, section by section in document order', () => {
    expect(log.groups.map((g) => [g.sectionId, g.comments.length])).toEqual([
      ['p1-chi-tieu', 21],
      ['p1-chi-tieu', 15],
      ['p1-chi-tieu', 1],
      ['p2-du-bao', 15],
      ...Array.from({ length: 10 }, () => ['p2-du-bao', 1]),
    ]);
    const [budget, , plain] = log.groups;
    // 21 comments, but organisation 0 wrote two of them: 20 organisations.
    expect(budget!.orgs).toHaveLength(20);
    expect(budget!.headline).toBe(
      'Có 21 ý kiến (20/60 chi bộ) đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025',
    );
    expect(budget!.position).toBe('Phần thứ nhất › I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU');
    expect(budget!.groupId).toBeNull();
    expect(plain!.comments[0]!.body).toBe(BUDGET_PLAIN);
    expect(log.unitNoun).toBe('chi bộ');
  });

  it('counts each comment and each organisation once, as computed by hand', () => {
    expect(log.counts).toEqual({
      invited: 60,
      submitted: 45,
      percent: 75,
      commenting: 60,
      comments: 62,
      groups: 14,
      byDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 62 },
      groupsByDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 14 },
    });
    const byName = new Map(log.orgs.map((o) => [o.orgName, o]));
    expect(byName.get('Chi bộ 001')).toMatchObject({ comments: 2, groups: 1, state: 'submitted' });
    expect(byName.get('Chi bộ 051')).toMatchObject({ comments: 2, groups: 2, state: 'in_progress' });
    expect(byName.get('Chi bộ 060')).toMatchObject({ comments: 1, state: 'in_progress' });
    expect(log.orgs.reduce((sum, o) => sum + o.comments, 0)).toBe(log.counts.comments);
  });

  it('a stricter threshold splits the rewordings apart', async () => {
    const strict = await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log?threshold=1`);
    expect(strict.body.threshold).toBe(1);
    expect(strict.body.groups.length).toBeGreaterThan(log.groups.length);
    expect(strict.body.counts.comments).toBe(62);
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
      `${base}/export.docx`,
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
      comments: 62,
      groups: 14,
      byDisposition: { accepted: 0, partly: 0, explained: 0, noted: 0, none: 62 },
    });
  });
});
