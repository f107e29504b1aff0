import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';
import { consultation, rangeOf } from './consultation.ts';

const bed = useTestbed();
const DAY_MS = 86_400_000;

type Dashboard = {
  round: { id: number; status: string; closedReason: string | null; versionLabel: string; deadline: string };
  tally: {
    invited: number;
    submitted: number;
    percent: number;
    overdue: number;
    comments: number;
    answered: number;
  };
  invitations: {
    orgId: number;
    state: string;
    comments: number;
    submittedByName: string | null;
    overdue: boolean;
  }[];
};

describe('consultation rounds', () => {
  it('opening a round puts the draft out for comments and gives invited commenters the comment role', async () => {
    const { server, call, draftId } = await consultation(bed, { invite: (o) => [o.branch, o.mass] });
    expect((await call<{ status: string }>('editor', '')).body.status).toBe('consultation');
    expect((await call<{ access: string }>('commenter', '')).body.access).toBe('comment');
    expect((await call<{ access: string }>('youth', '')).body.access).toBe('comment');
    // A sub-branch that was not invited does not see the draft at all.
    expect((await call('commenter2', '')).status).toBe(404);
    const mine = (await (
      await api(server, '/rounds', { token: server.workspace.users.commenter.token })
    ).json()) as {
      rounds: { draft: { id: string }; mine: { state: string } | null }[];
    };
    expect(mine.rounds).toHaveLength(1);
    expect(mine.rounds[0]).toMatchObject({ draft: { id: draftId }, mine: { state: 'not_started' } });
  });

  it('"all sub-branches" invites every branch of the unit in one go, and only those', async () => {
    const { call, roundId, server } = await consultation(bed, { invite: (o) => [o.mass] });
    const { orgs } = server.workspace;
    await call('editor', `/rounds/${roundId}`, { method: 'PATCH', body: { status: 'closed' } });
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const opened = await call<Dashboard>('editor', '/rounds', {
      body: { version: 1, title: 'Đợt 2', deadline, allOf: ['branch'] },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.invitations.map((i) => i.orgId).sort()).toEqual([orgs.branch, orgs.branch2].sort());
    const invitable = await call<{ orgs: { id: number; kind: string }[] }>('editor', '/rounds/invitable');
    expect(invitable.body.orgs.map((o) => o.kind).sort()).toEqual(['branch', 'branch', 'mass']);
  });

  it('the dashboard counts submitted out of invited, with per-organisation state and comment counts', async () => {
    const { call, roundId, writer, server } = await consultation(bed);
    const { orgs } = server.workspace;
    const created = await call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Cần nêu rõ nguồn thu.', ...rangeOf(writer.doc, 'Tổng thu ngân sách') },
    });
    expect(created.status).toBe(201);
    expect((await call('commenter', `/rounds/${roundId}/submissions`, { body: {} })).status).toBe(201);
    const { body } = await call<Dashboard>('editor', `/rounds/${roundId}`);
    expect(body.tally).toEqual({
      invited: 3,
      submitted: 1,
      percent: 33,
      overdue: 0,
      comments: 1,
      answered: 0,
    });
    const byOrg = Object.fromEntries(body.invitations.map((i) => [i.orgId, i]));
    expect(byOrg[orgs.branch]).toMatchObject({
      state: 'submitted',
      comments: 1,
      submittedByName: 'Phạm Thị Dung',
    });
    expect(byOrg[orgs.branch2]).toMatchObject({ state: 'not_started', comments: 0 });
    // Commenters see the round and its tally, not the per-organisation dashboard.
    expect((await call('commenter2', `/rounds/${roundId}`)).status).toBe(403);
    expect((await call<{ rounds: unknown[] }>('commenter2', '/rounds')).body.rounds).toHaveLength(1);
  });

  it('submitting locks the organisation: no new comments, edits or second submission', async () => {
    const { call, roundId, writer } = await consultation(bed);
    const comment = await call<{ id: number }>('commenter', '/comments', {
      body: { kind: 'comment', body: 'Ý kiến thứ nhất.', ...rangeOf(writer.doc, 'Thu hút đầu tư') },
    });
    await call('commenter', `/rounds/${roundId}/submissions`, { body: {} });
    const more = await call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Muộn.', sectionId: 'p1-chi-tieu' },
    });
    expect([more.status, more.body.error?.code]).toEqual([409, 'org_submitted']);
    const edit = await call('commenter', `/comments/${comment.body.id}`, {
      method: 'PATCH',
      body: { body: 'Sửa' },
    });
    expect([edit.status, edit.body.error?.code]).toEqual([409, 'comment_locked']);
    const again = await call('commenter', `/rounds/${roundId}/submissions`, { body: {} });
    expect([again.status, again.body.error?.code]).toEqual([409, 'org_submitted']);
    // Another organisation is not affected.
    expect(
      (
        await call('commenter2', '/comments', {
          body: { kind: 'comment', body: 'Được.', sectionId: 'p1-chi-tieu' },
        })
      ).status,
    ).toBe(201);
  });

  it('closing early ends commenting and the comment role; extending a deadline-closed round re-opens it', async () => {
    const clock = new ManualClock();
    const { call, roundId } = await consultation(bed, { deadlineMs: DAY_MS, clock });
    clock.advance(DAY_MS);
    const late = await call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Quá hạn.', sectionId: 'p1-chi-tieu' },
    });
    expect([late.status, late.body.error?.code]).toEqual([409, 'round_closed']);
    expect((await call('commenter', '')).status).toBe(404); // nor does the branch see the draft any more
    const expired = await call<Dashboard>('editor', `/rounds/${roundId}`);
    expect(expired.body.round).toMatchObject({ status: 'closed', closedReason: 'deadline' });
    expect(expired.body.tally.overdue).toBe(3);
    const extended = await call<Dashboard>('editor', `/rounds/${roundId}`, {
      method: 'PATCH',
      body: { deadline: new Date(clock.now() + DAY_MS).toISOString() },
    });
    expect(extended.body.round.status).toBe('open');
    expect(
      (
        await call('commenter', '/comments', {
          body: { kind: 'comment', body: 'Kịp.', sectionId: 'p1-chi-tieu' },
        })
      ).status,
    ).toBe(201);
    const closed = await call<Dashboard>('editor', `/rounds/${roundId}`, {
      method: 'PATCH',
      body: { status: 'closed' },
    });
    expect(closed.body.round).toMatchObject({ status: 'closed', closedReason: 'closed_early' });
    expect((await call<{ status: string }>('editor', '')).body.status).toBe('drafting');
    const after = await call('commenter', '/comments', {
      body: { kind: 'comment', body: 'Sau khi đóng.', sectionId: 'p1-chi-tieu' },
    });
    expect([after.status, after.body.error?.code]).toEqual([409, 'round_closed']);
    // After the round the branch still reads its own comments and the answers.
    const mine = await call<{ comments: { body: string }[] }>('commenter', '/comments');
    expect(mine.body.comments.map((c) => c.body)).toEqual(['Kịp.']);
  });

  it('a round opened after the last one expired keeps the draft out for comments when the old one is swept', async () => {
    const clock = new ManualClock();
    const { call, server } = await consultation(bed, { deadlineMs: DAY_MS, clock });
    clock.advance(DAY_MS);
    const deadline = new Date(clock.now() + DAY_MS).toISOString();
    const next = await call('editor', '/rounds', {
      body: { version: 1, title: 'Đợt 2', deadline, orgIds: [server.workspace.orgs.branch] },
    });
    expect(next.status).toBe(201);
    expect(await server.server.app.services.rounds.sweep()).toBe(1);
    expect((await call<{ status: string }>('editor', '')).body.status).toBe('consultation');
    expect((await call<{ access: string }>('commenter', '')).body.access).toBe('comment');
  });

  it('refuses bad rounds: past deadline, foreign organisations, no such version, a second open round, non-drafters', async () => {
    const { call, server } = await consultation(bed);
    const { orgs } = server.workspace;
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const base = { version: 1, title: 'Đợt 2', deadline: soon, orgIds: [orgs.branch] };
    const cases: [unknown, number, string][] = [
      [{ ...base, deadline: '2020-01-01T00:00:00Z' }, 400, 'validation_failed'],
      [{ ...base, orgIds: [orgs.otherUnit] }, 400, 'validation_failed'],
      [{ ...base, orgIds: [] }, 400, 'validation_failed'],
      [{ ...base, version: 9 }, 404, 'version_not_found'],
      [base, 409, 'round_already_open'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await call('editor', '/rounds', { body });
      expect([reply.status, reply.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await call('reader', '/rounds', { body: base })).status).toBe(403);
    expect((await call('commenter', '/rounds', { body: base })).status).toBe(403);
  });

  it('invited commenters are notified when a round opens, and the committee when an organisation submits', async () => {
    const { server, roundId, call } = await consultation(bed, { invite: (o) => [o.branch] });
    const list = async (token: string) =>
      (await (await api(server, '/notifications', { token })).json()) as {
        notifications: { kind: string; text: string; id: number }[];
        unread: number;
      };
    const { users } = server.workspace;
    const forCommenter = await list(users.commenter.token);
    expect(forCommenter.notifications.map((n) => [n.kind, n.text])).toEqual([
      ['round_opened', 'Lấy ý kiến Dự thảo lần 1'],
    ]);
    expect((await list(users.commenter2.token)).notifications).toEqual([]);
    await call('commenter', `/rounds/${roundId}/submissions`, { body: {} });
    const forEditor = await list(users.editor.token);
    expect(forEditor.notifications[0]).toMatchObject({ kind: 'org_submitted', text: 'Chi bộ Văn phòng' });
    await api(server, '/notifications/read', { token: users.editor.token, body: { all: true } });
    expect((await list(users.editor.token)).unread).toBe(0);
  });
});
