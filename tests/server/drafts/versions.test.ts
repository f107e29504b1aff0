import { describe, expect, it } from 'vitest';
import { fragmentText } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { markFinal } from './draft-header-helpers.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';
import { writeInSection } from './draft-text-helpers.ts';

const bed = useTestbed();
const TEMPLATE = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

type Diff = {
  sections: {
    sectionId: string;
    status: string;
    parts: { value: string; added: boolean; removed: boolean }[];
  }[];
};

async function setup() {
  const server = await bed.start();
  const token = server.workspace.users.editor.token;
  const created = await api(server, '/drafts', { token, body: { templateId: TEMPLATE } });
  const { id } = (await created.json()) as { id: string };
  const call = (path: string, options: { method?: string; body?: unknown } = {}) =>
    api(server, `/drafts/${id}${path}`, { token, ...options });
  return { server, id, call };
}

describe('numbered versions', () => {
  it('freezes "Dự thảo lần N", refuses a freeze without changes, and diffs word by word per section', async () => {
    const { id, call } = await setup();
    const writer = bed.connect(id);
    await writer.synced();
    writeInSection(writer.doc, 'p1-chi-tieu', 'Tổng thu ngân sách đạt 105% kế hoạch.');
    await writer.flushed();
    const first = await call('/versions', { body: { note: 'Gửi tiểu ban' } });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      number: 1,
      label: 'Dự thảo lần 1',
      note: 'Gửi tiểu ban',
      createdByName: 'Nguyễn Văn An',
    });
    const again = await call('/versions', { body: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('no_changes');

    writeInSection(writer.doc, 'p1-chi-tieu', ' Thu hút đầu tư tăng mạnh.');
    writeInSection(writer.doc, 'p2-du-bao', 'Tình hình thế giới còn nhiều biến động.');
    await writer.flushed();
    expect((await call('/versions', { body: { note: 'Sau góp ý' } })).status).toBe(201);

    const diff = (await (await call('/versions/diff?from=1&to=2')).json()) as Diff;
    const changed = diff.sections.filter((s) => s.status !== 'unchanged').map((s) => s.sectionId);
    expect(changed).toEqual(['p1-chi-tieu', 'p2-du-bao']);
    const added = diff.sections.find((s) => s.sectionId === 'p1-chi-tieu')!.parts.filter((p) => p.added);
    expect(added.map((p) => p.value).join('')).toBe(' Thu hút đầu tư tăng mạnh.');

    const list = (await (await call('/versions')).json()) as { versions: { number: number }[] };
    expect(list.versions.map((v) => v.number)).toEqual([1, 2]);
    const v1 = (await (await call('/versions/1')).json()) as { content: { content: unknown[] } };
    expect(JSON.stringify(v1.content)).toContain('Tổng thu ngân sách đạt 105% kế hoạch.');
    expect(JSON.stringify(v1.content)).not.toContain('Thu hút đầu tư');
  });

  it('restores an old version as a live edit that two typing editors converge on, and records it', async () => {
    const { id, call } = await setup();
    const [a, b] = [bed.connect(id), bed.connect(id, { as: 'coeditor' })];
    await Promise.all([a.synced(), b.synced()]);
    writeInSection(a.doc, 'p1-chi-tieu', 'Nội dung lần một.');
    await waitFor(() => fragmentText(b.doc).includes('Nội dung lần một.'), 'first text');
    expect((await call('/versions', { body: {} })).status).toBe(201);
    writeInSection(a.doc, 'p1-chi-tieu', ' Câu sẽ bị bỏ khi khôi phục.');

    let typing = true;
    let typed = 0;
    const typist = (async () => {
      for (; typing; typed++) {
        writeInSection(b.doc, 'p2-du-bao', `${typed} `);
        await sleep(15); // a typist's pace, not a wait
      }
    })();
    // The restore lands while b is typing: b's first keystrokes have reached a, and b goes on
    // typing after the restore has reached it.
    await waitFor(() => fragmentText(a.doc).includes('0 '), "b's typing reaches a");
    expect((await call('/versions/1/restore', { method: 'POST', body: {} })).status).toBe(204);
    await waitFor(
      () => !fragmentText(b.doc).includes('Câu sẽ bị bỏ khi khôi phục.'),
      'the restore reaches b',
    );
    const atRestore = typed;
    await waitFor(() => typed >= atRestore + 5, 'b types on after the restore');
    typing = false;
    await typist;
    await waitFor(() => fragmentText(a.doc) === fragmentText(b.doc), 'both editors converge');
    expect(fragmentText(a.doc)).toContain('Nội dung lần một.');
    expect(fragmentText(a.doc)).not.toContain('Câu sẽ bị bỏ khi khôi phục.');
    const fresh = bed.connect(id, { as: 'reader' });
    await fresh.synced();
    await waitFor(() => fragmentText(fresh.doc) === fragmentText(a.doc), 'a fresh reader sees the same text');
    const list = (await (await call('/versions')).json()) as {
      restores: { version: number; restoredBy: number }[];
    };
    expect(list.restores).toMatchObject([{ version: 1, restoredByName: 'Nguyễn Văn An' }]);
  });

  it('refuses unknown versions, a read-only restore and any restore into a final draft', async () => {
    const { server, id, call } = await setup();
    const writer = bed.connect(id);
    await writer.synced();
    writeInSection(writer.doc, 'p1', 'Mở đầu.');
    await writer.flushed();
    expect((await call('/versions', { body: {} })).status).toBe(201);
    expect((await call('/versions/7')).status).toBe(404);
    expect((await call('/versions/7/restore', { method: 'POST', body: {} })).status).toBe(404);
    expect((await call('/versions/diff?from=1&to=9')).status).toBe(404);
    const asReader = await api(server, `/drafts/${id}/versions/1/restore`, {
      token: server.workspace.users.reader.token,
      method: 'POST',
      body: {},
    });
    expect(asReader.status).toBe(403);
    await markFinal(server, id);
    const intoFinal = await call('/versions/1/restore', { method: 'POST', body: {} });
    expect(intoFinal.status).toBe(409);
    expect(((await intoFinal.json()) as { error: { code: string } }).error.code).toBe('draft_final');
  });
});
