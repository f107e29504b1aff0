import { describe, expect, it } from 'vitest';
import type { RevisionLog } from '../../../shared/api/revision-log.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { BUDGET, DIGITAL, OUTLOOK } from './near-duplicates.ts';
import { revisionRound, type PlannedComment } from './revision-round.ts';

const bed = useTestbed();

/** Six organisations: 0–2 the budget request, 3–4 the digital one, 5 the outlook one. */
const SMALL = (i: number): PlannedComment[] => [
  i < 3
    ? { sectionId: 'p1-chi-tieu', body: BUDGET[i]! }
    : i < 5
      ? { sectionId: 'p1-chi-tieu', body: DIGITAL[i - 3]! }
      : { sectionId: 'p2-du-bao', body: OUTLOOK[0]! },
];

type C = { disposition: { value: string; note: string } | null };

async function small() {
  const server = await bed.start();
  return { server, round: await revisionRound(server, { orgs: 6, plan: SMALL, submitted: 6 }) };
}

describe('grouping, wording and answering by hand', () => {
  it('splits a comment off its group, merges groups (across sections too), and words a group', async () => {
    const { round } = await small();
    const path = `/rounds/${round.roundId}/log`;
    const before = (await round.call<RevisionLog>('editor', path)).body;
    expect(before.groups.map((g) => g.comments.length)).toEqual([3, 2, 1]);
    const [budget, digital] = before.groups;
    const split = await round.call<RevisionLog>('editor', `${path}/groups`, {
      body: { commentIds: [budget!.comments[2]!.id] },
    });
    expect(split.status).toBe(201);
    expect(split.body.groups.map((g) => [g.groupId === null, g.comments.length])).toEqual([
      [true, 2],
      [false, 1],
      [true, 2],
      [true, 1],
    ]);
    const merged = await round.call<RevisionLog>('editor', `${path}/groups`, {
      body: {
        commentIds: [...budget!.comments, ...digital!.comments].map((c) => c.id),
        summary: 'Đề nghị bổ sung số liệu thu ngân sách và nội dung chuyển đổi số',
      },
    });
    expect(merged.status).toBe(201);
    // The split-off group became empty and is gone: one saved group of five, and the outlook comment.
    expect(merged.body.groups.map((g) => g.comments.length)).toEqual([5, 1]);
    expect(merged.body.groups[0]!.headline).toBe(
      'Có 5 ý kiến (5/6 chi bộ) đề nghị bổ sung số liệu thu ngân sách và nội dung chuyển đổi số',
    );
    const groupId = merged.body.groups[0]!.groupId!;
    const dissolved = await round.call<RevisionLog>('editor', `${path}/groups/${groupId}`, {
      method: 'DELETE',
    });
    expect(dissolved.body.groups.map((g) => g.comments.length)).toEqual([3, 2, 1]);
  });

  it('a saved group may span sections; each member keeps its own position', async () => {
    const { round } = await small();
    const path = `/rounds/${round.roundId}/log`;
    const before = (await round.call<RevisionLog>('editor', path)).body;
    const budget = before.groups[0]!;
    const outlook = before.groups.find((g) => g.sectionId === 'p2-du-bao')!;
    const saved = await round.call<RevisionLog>('editor', `${path}/groups`, {
      body: { commentIds: [budget.comments[0]!.id, outlook.comments[0]!.id] },
    });
    expect(saved.status).toBe(201);
    const group = saved.body.groups.find((g) => g.groupId !== null)!;
    expect(group.comments.map((c) => c.sectionId)).toEqual(['p1-chi-tieu', 'p2-du-bao']);
    expect(group.position).toContain('; ');
    // The automatic pass leaves the committee's group alone on the next reading.
    const again = (await round.call<RevisionLog>('editor', path)).body;
    expect(again.groups.find((g) => g.groupId === group.groupId)!.comments).toHaveLength(2);
  });

  it('offers each comment its most similar others, its rewordings first', async () => {
    const { round } = await small();
    const log = (await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log`)).body;
    const [budget, digital] = log.groups;
    const first = budget!.comments[0]!;
    const mates = budget!.comments.slice(1).map((c) => c.id);
    expect(first.similar.slice(0, 2).sort()).toEqual([...mates].sort());
    expect(digital!.comments[0]!.similar[0]).toBe(digital!.comments[1]!.id);
  });

  it('ranks the comments most like one comment for its card, and refuses what is not in the round', async () => {
    const { round } = await small();
    const path = `/rounds/${round.roundId}/log`;
    const log = (await round.call<RevisionLog>('editor', path)).body;
    const [budget, digital] = log.groups;
    const first = budget!.comments[0]!;
    const similar = await round.call<{ comments: { id: number; together: boolean }[]; row: number[] }>(
      'editor',
      `${path}/similar/${first.id}`,
    );
    expect(similar.status).toBe(200);
    // Its two rewordings first, in its own row; the other request of the section after them.
    expect(similar.body.comments.slice(0, 2).map((c) => c.together)).toEqual([true, true]);
    expect(similar.body.comments.map((c) => c.id)).not.toContain(first.id);
    expect([...similar.body.row].sort()).toEqual(budget!.comments.map((c) => c.id).sort());
    const missing = await round.call('editor', `${path}/similar/999999`);
    expect([missing.status, missing.body.error?.code]).toEqual([404, 'comment_not_found']);
    const commenter = await round.call('commenter', `${path}/similar/${digital!.comments[0]!.id}`);
    expect(commenter.status).toBe(404);
  });

  it('one answer for the group goes to every member comment; giải trình needs its reason', async () => {
    const { round } = await small();
    const path = `/rounds/${round.roundId}/log`;
    const budget = (await round.call<RevisionLog>('editor', path)).body.groups[0]!;
    const ids = budget.comments.map((c) => c.id);
    const noReason = await round.call('editor', `${path}/groups`, {
      body: { commentIds: ids, disposition: 'explained', answer: '   ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.code).toBe('answer_reason_required');
    // Nothing was stored by the refused request.
    expect((await round.call<RevisionLog>('editor', path)).body.groups[0]!.groupId).toBeNull();
    const answered = await round.call<RevisionLog>('editor', `${path}/groups`, {
      body: { commentIds: ids, disposition: 'explained', answer: 'Số liệu đã có trong phụ lục kèm theo.' },
    });
    expect(answered.status).toBe(201);
    const group = answered.body.groups[0]!;
    expect(group).toMatchObject({
      disposition: 'explained',
      answer: 'Số liệu đã có trong phụ lục kèm theo.',
    });
    expect(answered.body.counts.byDisposition).toMatchObject({ explained: 3, none: 3 });
    expect(answered.body.counts.groupsByDisposition).toMatchObject({ explained: 1, none: 2 });
    const comments = (await round.call<{ comments: (C & { id: number })[] }>('editor', '/comments')).body
      .comments;
    for (const c of comments.filter((c) => ids.includes(c.id)))
      expect(c.disposition).toMatchObject({
        value: 'explained',
        note: 'Số liệu đã có trong phụ lục kèm theo.',
      });
    const changed = await round.call<RevisionLog>('editor', `${path}/groups/${group.groupId}`, {
      method: 'PATCH',
      body: { disposition: 'accepted', answer: 'Đã bổ sung số liệu vào mục I.' },
    });
    expect(changed.body.counts.byDisposition).toMatchObject({ accepted: 3, explained: 0 });
    const partly = await round.call('editor', `${path}/groups/${group.groupId}`, {
      method: 'PATCH',
      body: { disposition: 'partly' },
    });
    expect(partly.body.error?.code).toBe('answer_reason_required');
  });

  it('refuses bad input with clear codes', async () => {
    const { server, round } = await small();
    const path = `/rounds/${round.roundId}/log`;
    const log = (await round.call<RevisionLog>('editor', path)).body;
    const [budget] = log.groups;
    const cases: [string, Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] =
      [
        ['a threshold out of range', round.call('editor', `${path}?threshold=1.5`), 400, 'validation_failed'],
        [
          'a comment of no such round',
          round.call('editor', `${path}/groups`, { body: { commentIds: [999_999] } }),
          400,
          'group_invalid',
        ],
        [
          'no such group',
          round.call('editor', `${path}/groups/424242`, { method: 'PATCH', body: {} }),
          404,
          'group_not_found',
        ],
        [
          'a round of no such id on this draft',
          round.call('editor', '/rounds/999/log'),
          404,
          'round_not_found',
        ],
        ['a commenter', round.call('commenter', path), 404, 'draft_not_found'],
        ['a drafter of another unit', round.call('outsider', path), 404, 'draft_not_found'],
        [
          'the bloc admin changing it',
          round.call('reader', `${path}/groups`, { body: { commentIds: [budget!.comments[0]!.id] } }),
          403,
          'forbidden',
        ],
      ];
    for (const [what, reply, status, code] of cases) {
      const { status: got, body } = await reply;
      expect([what, got, body.error?.code]).toEqual([what, status, code]);
    }
    // An invited sub-branch answers to the table; it does not see it.
    const { services } = server.server.app;
    await expect(
      services.revisionLog.log(round.commenters[0]!.id, round.draftId, round.roundId),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The bloc admin reads the table, without editing rights.
    expect((await round.call<RevisionLog>('reader', path)).body.editable).toBe(false);
    // A round of another draft, asked for under this draft, does not exist here.
    const other = await revisionRound(server, { orgs: 1, plan: () => [] });
    const foreign = await round.call('editor', `/rounds/${other.roundId}/log`);
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, 'round_not_found']);
    const empty = await api(
      server,
      `/drafts/${other.draftId}/rounds/${other.roundId}/log/export?format=docx`,
      {
        token: server.workspace.users.editor.token,
      },
    );
    expect(empty.status).toBe(409);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('revision_log_empty');
  });
});
