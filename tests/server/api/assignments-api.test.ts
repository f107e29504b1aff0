import { describe, expect, it } from 'vitest';
import type { AssignmentList, MyAssignments } from '../../../shared/api/assignments.ts';
import type { NotificationList } from '../../../shared/api/notifications.ts';
import { api } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { waitForAsync } from '../../helpers/wait.ts';
import { markFinal } from '../drafts/draft-header-helpers.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

async function createDraft(server: TestServer): Promise<string> {
  const response = await api(server, '/drafts', {
    token: server.workspace.users.secretary.token,
    body: { templateId: TEMPLATE, header: { congressOrdinal: 6, term: '2025-2030' } },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const code = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

describe('section assignments API', () => {
  it('the secretary assigns a section; everyone on the draft sees who, by when, and the assignee is notified', async () => {
    const server = await bed.start();
    const { secretary, editor, coeditor, reader } = server.workspace.users;
    const id = await createDraft(server);
    const put = await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'PUT',
      token: secretary.token,
      body: { userId: editor.id, due: '2099-12-31' },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      sectionId: 'p1-chi-tieu',
      assignee: { id: editor.id, name: 'Nguyễn Văn An' },
      due: '2099-12-31',
      state: 'empty',
      late: false,
    });
    for (const token of [coeditor.token, reader.token]) {
      const list = (await (
        await api(server, `/drafts/${id}/assignments`, { token })
      ).json()) as AssignmentList;
      expect(list.sections.find((s) => s.sectionId === 'p1-chi-tieu')).toMatchObject({
        assignee: { id: editor.id },
        due: '2099-12-31',
      });
      expect(list.sections.filter((s) => s.assignee !== null)).toHaveLength(1);
      expect(list.canAssign).toBe(false);
    }
    const notes = (await (
      await api(server, '/notifications', { token: editor.token })
    ).json()) as NotificationList;
    expect(notes.unread).toBe(1);
    expect(notes.notifications[0]).toMatchObject({
      kind: 'section_assigned',
      draftId: id,
      actorName: 'Bùi Văn Khánh',
    });
    expect(notes.notifications[0]!.text).toContain('2099-12-31');

    // Reassigning tells the new assignee; saving the same again tells nobody.
    const reassign = (body: object) =>
      api(server, `/drafts/${id}/assignments/p1-chi-tieu`, { method: 'PUT', token: secretary.token, body });
    expect((await reassign({ userId: coeditor.id, due: '2099-12-31' })).status).toBe(200);
    expect((await reassign({ userId: coeditor.id, due: '2099-12-31' })).status).toBe(200);
    const coNotes = (await (
      await api(server, '/notifications', { token: coeditor.token })
    ).json()) as NotificationList;
    expect(coNotes.notifications.map((n) => n.kind)).toEqual(['section_assigned']);
  });

  it('a section past its due date is late until it is written, and members see their tallies', async () => {
    const server = await bed.start();
    const { secretary, editor } = server.workspace.users;
    const id = await createDraft(server);
    for (const [section, due] of [
      ['p1-chi-tieu', '2020-01-15'],
      ['p1-bai-hoc', '2099-01-15'],
    ] as const)
      expect(
        (
          await api(server, `/drafts/${id}/assignments/${section}`, {
            method: 'PUT',
            token: secretary.token,
            body: { userId: editor.id, due },
          })
        ).status,
      ).toBe(200);
    const list = async () =>
      (await (
        await api(server, `/drafts/${id}/assignments`, { token: secretary.token })
      ).json()) as AssignmentList;
    const first = await list();
    expect(first.canAssign).toBe(true);
    expect(first.sections.find((s) => s.sectionId === 'p1-chi-tieu')!.late).toBe(true);
    expect(first.sections.find((s) => s.sectionId === 'p1-bai-hoc')!.late).toBe(false);
    expect(first.members.find((m) => m.id === editor.id)).toMatchObject({ assigned: 2, written: 0, late: 1 });
    const mine = (await (
      await api(server, '/assignments/mine', { token: editor.token })
    ).json()) as MyAssignments;
    expect(mine.drafts).toEqual([expect.objectContaining({ draftId: id, late: 1 })]);
    expect(mine.drafts[0]!.sections.map((s) => s.sectionId).sort()).toEqual(['p1-bai-hoc', 'p1-chi-tieu']);

    const client = bed.connect(id);
    await client.synced();
    writeInSection(client.doc, 'p1-chi-tieu', 'chữ '.repeat(400).trim());
    await waitForAsync(
      async () => (await list()).sections.find((s) => s.sectionId === 'p1-chi-tieu')!.state === 'written',
      'the section counts as written',
    );
    const after = await list();
    expect(after.sections.find((s) => s.sectionId === 'p1-chi-tieu')!.late).toBe(false);
    expect(after.members.find((m) => m.id === editor.id)).toMatchObject({ written: 1, late: 0 });
  });

  it('refuses non-secretaries, unknown sections, non-drafting assignees and bad dates, changing nothing', async () => {
    const server = await bed.start();
    const { secretary, editor, reader, outsider, commenter } = server.workspace.users;
    const id = await createDraft(server);
    const put = (token: string, section: string, body: unknown) =>
      api(server, `/drafts/${id}/assignments/${section}`, { method: 'PUT', token, body });
    const good = { userId: editor.id, due: '2099-12-31' };

    let r = await put(editor.token, 'p1-chi-tieu', good);
    expect([r.status, await code(r)]).toEqual([403, 'not_secretary']);
    r = await put(reader.token, 'p1-chi-tieu', good);
    expect([r.status, await code(r)]).toEqual([403, 'not_secretary']);
    r = await put(outsider.token, 'p1-chi-tieu', good);
    expect([r.status, await code(r)]).toEqual([404, 'draft_not_found']);
    r = await put(secretary.token, 'no-such-section', good);
    expect([r.status, await code(r)]).toEqual([404, 'section_not_found']);
    for (const userId of [outsider.id, commenter.id, 999_999]) {
      r = await put(secretary.token, 'p1-chi-tieu', { userId, due: '2099-12-31' });
      expect([r.status, await code(r)]).toEqual([400, 'assignee_not_drafter']);
    }
    for (const due of ['2026-02-30', '31/12/2026', '2026-1-5', '', '2026-12-31T00:00:00Z']) {
      r = await put(secretary.token, 'p1-chi-tieu', { userId: editor.id, due });
      expect([r.status, await code(r)]).toEqual([400, 'invalid_due_date']);
    }
    for (const body of [
      { userId: 'x', due: '2099-12-31' },
      { due: '2099-12-31' },
      'not json',
      { ...good, extra: 1 },
    ]) {
      r = await put(secretary.token, 'p1-chi-tieu', body);
      expect([r.status, await code(r)]).toEqual([400, 'validation_failed']);
    }
    r = await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, { method: 'DELETE', token: editor.token });
    expect([r.status, await code(r)]).toEqual([403, 'not_secretary']);
    r = await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'DELETE',
      token: secretary.token,
    });
    expect([r.status, await code(r)]).toEqual([404, 'section_not_found']);

    const list = (await (
      await api(server, `/drafts/${id}/assignments`, { token: secretary.token })
    ).json()) as AssignmentList;
    expect(list.sections.every((s) => s.assignee === null)).toBe(true);
    const notes = (await (
      await api(server, '/notifications', { token: editor.token })
    ).json()) as NotificationList;
    expect(notes.unread).toBe(0);
    r = await api(server, `/drafts/${id}/assignments`, { token: outsider.token });
    expect(r.status).toBe(404);
  });

  it('nobody assigns sections of a final draft', async () => {
    const server = await bed.start();
    const { secretary, editor } = server.workspace.users;
    const id = await createDraft(server);
    await markFinal(server, id);
    const r = await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'PUT',
      token: secretary.token,
      body: { userId: editor.id, due: '2099-12-31' },
    });
    expect([r.status, await code(r)]).toEqual([409, 'draft_final']);
  });

  it('the secretary takes a section back', async () => {
    const server = await bed.start();
    const { secretary, editor } = server.workspace.users;
    const id = await createDraft(server);
    await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'PUT',
      token: secretary.token,
      body: { userId: editor.id, due: '2099-12-31' },
    });
    const r = await api(server, `/drafts/${id}/assignments/p1-chi-tieu`, {
      method: 'DELETE',
      token: secretary.token,
    });
    expect(r.status).toBe(204);
    const mine = (await (
      await api(server, '/assignments/mine', { token: editor.token })
    ).json()) as MyAssignments;
    expect(mine.drafts).toEqual([]);
  });
});
