import { describe, expect, it } from 'vitest';
import type { HistoryDiff, SnapshotList } from '../../../shared/api/versions.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitFor, waitForAsync } from '../../helpers/wait.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';
const FIRST = 'Tổng thu ngân sách đạt 105% kế hoạch.';
const LATER = 'Tình hình thế giới còn nhiều biến động.';

type Reply<T> = { status: number; body: T & { error?: { code: string } } };

/** A draft of the unit, and a caller of `/api/drafts/{id}…` as any persona. */
async function draftOn(server: TestServer) {
  const { users } = server.workspace;
  const created = await api(server, '/drafts', { token: users.editor.token, body: { templateId: TEMPLATE } });
  const { id } = (await created.json()) as { id: string };
  const call = async <T>(as: Persona, path: string, opts: { method?: string; body?: unknown } = {}) => {
    const response = await api(server, `/drafts/${id}${path}`, { token: users[as].token, ...opts });
    return { status: response.status, body: (await response.json()) as Reply<T>['body'] };
  };
  return { id, call };
}

const added = (diff: HistoryDiff, sectionId: string) =>
  diff.sections
    .find((s) => s.sectionId === sectionId)
    ?.parts.filter((p) => p.added)
    .map((p) => [p.value, p.author]);

describe('naming an automatic snapshot and diffing any two points', () => {
  it('names a snapshot as the next numbered version with the text as it was then, once', async () => {
    const server = await bed.start({ HISTORY_INTERVAL_MS: '400', HISTORY_QUIET_MS: '200' });
    const { editor } = server.workspace.users;
    const { id, call } = await draftOn(server);
    const writer = bed.connect(id);
    await writer.synced();
    writeInSection(writer.doc, 'p1-chi-tieu', FIRST);
    let snapshot = 0;
    await waitForAsync(async () => {
      snapshot = (await call<SnapshotList>('editor', '/snapshots')).body.snapshots[0]?.id ?? 0;
      return snapshot > 0;
    }, 'a snapshot');
    writeInSection(writer.doc, 'p2-du-bao', LATER);
    await waitForAsync(
      async () =>
        JSON.stringify(
          (await call<HistoryDiff>('editor', `/history/diff?from=s${snapshot}&to=live`)).body,
        ).includes(LATER),
      'the later sentence on the server',
    );

    const named = await call('editor', `/snapshots/${snapshot}/name`, { body: { note: 'Bản sáng thứ Hai' } });
    expect(named).toMatchObject({
      status: 201,
      body: { number: 1, label: 'Dự thảo lần 1', note: 'Bản sáng thứ Hai', createdBy: editor.id },
    });
    const version = await call<{ content: unknown }>('editor', '/versions/1');
    expect(JSON.stringify(version.body.content)).toContain(FIRST);
    expect(JSON.stringify(version.body.content)).not.toContain(LATER);
    const again = await call('editor', `/snapshots/${snapshot}/name`, { body: { note: '' } });
    expect([again.status, again.body.error?.code]).toEqual([409, 'no_changes']);
  });

  it('answers an unknown snapshot with snapshot_not_found and refuses a commenter', async () => {
    const server = await bed.start();
    const { orgs } = server.workspace;
    const { call } = await draftOn(server);
    const unknown = await call('editor', '/snapshots/999999/name', { body: { note: '' } });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'snapshot_not_found']);
    const diff = await call('editor', '/history/diff?from=s999999&to=live');
    expect([diff.status, diff.body.error?.code]).toEqual([404, 'snapshot_not_found']);
    expect((await call('editor', '/history/diff?from=x1&to=live')).status).toBe(400);

    // A branch invited to comment reads the draft, but naming versions is the committee's work.
    expect((await call('editor', '/versions', { body: { note: '' } })).status).toBe(201);
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const round = await call('editor', '/rounds', {
      body: { version: 1, title: 'Lấy ý kiến', deadline, orgIds: [orgs.branch] },
    });
    expect(round.status).toBe(201);
    const refused = await call('commenter', '/snapshots/1/name', { body: { note: '' } });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'forbidden']);
  });

  it('marks the words each editor typed between two versions with that editor, and names them in the legend', async () => {
    const server = await bed.start();
    const { editor, coeditor } = server.workspace.users;
    const { id, call } = await draftOn(server);
    const [an, binh] = [bed.connect(id), bed.connect(id, { as: 'coeditor' })];
    await Promise.all([an.synced(), binh.synced()]);
    writeInSection(an.doc, 'p1-chi-tieu', FIRST);
    await waitFor(() => binh.text().includes(FIRST), 'the first sentence at Bình');
    await waitForAsync(async () => {
      const { sections } = (await call<{ sections: { id: string; words: number }[] }>('editor', '/progress'))
        .body;
      return (sections.find((s) => s.id === 'p1-chi-tieu')?.words ?? 0) > 0;
    }, 'the first sentence on the server');
    expect((await call('editor', '/versions', { body: { note: '' } })).status).toBe(201);
    writeInSection(an.doc, 'p1-chi-tieu', ' Thu hút đầu tư tăng mạnh.');
    await waitFor(() => binh.text().includes('đầu tư tăng mạnh.'), "An's sentence at Bình");
    writeInSection(binh.doc, 'p1-chi-tieu', ' Xuất khẩu vượt kế hoạch.');
    writeInSection(binh.doc, 'p2-du-bao', LATER);

    let diff = {} as HistoryDiff;
    await waitForAsync(async () => {
      diff = (await call<HistoryDiff>('editor', '/history/diff?from=v1&to=live')).body;
      return JSON.stringify(diff).includes(LATER) && JSON.stringify(diff).includes('Xuất khẩu');
    }, "both editors' text on the server");
    expect(added(diff, 'p1-chi-tieu')).toEqual([
      [' Thu hút đầu tư tăng mạnh.', editor.id],
      [' Xuất khẩu vượt kế hoạch.', coeditor.id],
    ]);
    expect(added(diff, 'p2-du-bao')).toEqual([[LATER, coeditor.id]]);
    expect(diff.authors).toEqual([
      { userId: editor.id, name: 'Nguyễn Văn An' },
      { userId: coeditor.id, name: 'Trần Thị Bình' },
    ]);
    // The other way round the same words are removed, and a removal has no author.
    const back = (await call<HistoryDiff>('editor', '/history/diff?from=live&to=v1')).body;
    const removed = back.sections.find((s) => s.sectionId === 'p1-chi-tieu')!.parts.filter((p) => p.removed);
    expect(removed.map((p) => p.author ?? null)).toEqual(removed.map(() => null));
    expect(back.authors).toEqual([]);
  });
});
