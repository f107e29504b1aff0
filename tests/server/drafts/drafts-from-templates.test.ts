import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Template, TemplateSection } from '../../../shared/templates/template.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitFor, waitForAsync } from '../../helpers/wait.ts';
import { markFinal } from './draft-header-helpers.ts';
import { deleteHeading, headingsOf, renameHeading, writeInSection } from './draft-text-helpers.ts';

const bed = useTestbed();
const templateIds = fs.readdirSync('templates').map((f) => f.replace(/\.json$/, ''));
type Progress = {
  sections: { id: string; state: string; words: number; flagged: boolean; heading: string | null }[];
};

/** Creates a draft from a template as the editor; returns its id. */
async function createDraft(server: TestServer, templateId: string, header: object = {}): Promise<string> {
  const response = await api(server, '/drafts', {
    token: server.workspace.users.editor.token,
    body: { templateId, header: { congressOrdinal: 6, term: '2025-2030', ...header } },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function outline(sections: readonly TemplateSection[]): string[] {
  return sections.flatMap((s) => [`${s.label} ${s.title}`.trim(), ...outline(s.children)]);
}

describe('drafts from templates', () => {
  it.each(templateIds)('%s seeds a draft whose headings follow the outline', async (templateId) => {
    const server = await bed.start();
    const id = await createDraft(server, templateId);
    const template = JSON.parse(fs.readFileSync(`templates/${templateId}.json`, 'utf8')) as Template;
    const client = bed.connect(id);
    await client.synced();
    expect(headingsOf(client.doc)).toEqual(outline(template.sections));
    const draft = (await (
      await api(server, `/drafts/${id}`, { token: server.workspace.users.editor.token })
    ).json()) as {
      templateId: string;
      templateVersion: number;
      status: string;
    };
    expect(draft).toMatchObject({ templateId, templateVersion: template.version, status: 'drafting' });
  });

  it('section progress follows live edits, survives a renamed heading and flags a deleted required one', async () => {
    const server = await bed.start();
    const id = await createDraft(server, 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030');
    const token = server.workspace.users.editor.token;
    const progress = async () =>
      (await (await api(server, `/drafts/${id}/progress`, { token })).json()) as Progress;
    const section = async (sectionId: string) => (await progress()).sections.find((s) => s.id === sectionId)!;
    expect(await section('p1-chi-tieu')).toMatchObject({ state: 'empty', words: 0, flagged: true });

    const client = bed.connect(id);
    await client.synced();
    writeInSection(client.doc, 'p1-chi-tieu', 'Tổng thu ngân sách đạt 112% chỉ tiêu Nghị quyết');
    await client.flushed();
    expect(await section('p1-chi-tieu')).toMatchObject({ state: 'writing', flagged: false, words: 10 });
    expect((await section('p1')).words).toBe(10); // a part counts its subsections

    renameHeading(client.doc, 'p1-chi-tieu', 'I. CÁC CHỈ TIÊU (đã sửa tên)');
    await client.flushed();
    expect(await section('p1-chi-tieu')).toMatchObject({
      heading: 'I. CÁC CHỈ TIÊU (đã sửa tên)',
      words: 10,
    });

    deleteHeading(client.doc, 'p1-bai-hoc');
    await client.flushed();
    expect(await section('p1-bai-hoc')).toMatchObject({ state: 'missing', flagged: true });
  });

  it('refuses an unknown template, an unknown version and header fields out of bounds, creating nothing', async () => {
    const server = await bed.start();
    const token = server.workspace.users.editor.token;
    const create = (body: object) => api(server, '/drafts', { token, body });
    const code = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;
    const unknown = await create({ templateId: 'khong-ton-tai' });
    expect([unknown.status, await code(unknown)]).toEqual([404, 'template_not_found']);
    const version = await create({ templateId: templateIds[0], templateVersion: 99 });
    expect(version.status).toBe(404);
    for (const header of [
      { congressOrdinal: 0 },
      { term: '2030-2025' },
      { numberSymbol: 'Số 01' },
      { place: 'x'.repeat(101) },
      { date: '2025-13-40' },
      { extra: 1 },
    ]) {
      const response = await create({ templateId: templateIds[0], header });
      expect(response.status, JSON.stringify(header)).toBe(400);
    }
    expect(
      ((await (await api(server, '/drafts', { token })).json()) as { drafts: unknown[] }).drafts,
    ).toEqual([]);
  });

  it('renames, moves status forward, archives, and refuses changes to a final draft', async () => {
    const server = await bed.start();
    const id = await createDraft(server, templateIds[0]!);
    const token = server.workspace.users.editor.token;
    const patch = (body: object) => api(server, `/drafts/${id}`, { token, method: 'PATCH', body });
    expect((await patch({ title: 'Dự thảo BCCT (bản làm việc)' })).status).toBe(200);
    expect((await patch({ status: 'final' })).status).toBe(403); // only the secretary marks final
    expect((await patch({ status: 'consultation' })).status).toBe(200);
    await markFinal(server, id);
    expect((await patch({ title: 'Đổi tên' })).status).toBe(409);
    expect((await patch({ archived: true })).status).toBe(200);
    const archived = (await (await api(server, '/drafts?archived=true', { token })).json()) as {
      drafts: { id: string }[];
    };
    expect(archived.drafts.map((d) => d.id)).toEqual([id]);
    const reader = await api(server, `/drafts/${id}`, {
      token: server.workspace.users.reader.token,
      method: 'PATCH',
      body: { title: 'x' },
    });
    expect(reader.status).toBe(403);
  });
});

describe('a final draft', () => {
  it('closes the text: open editors reconnect read-only and their writes are dropped', async () => {
    const server = await bed.start();
    const id = await createDraft(server, templateIds[0]!);
    const writer = bed.connect(id);
    const watcher = bed.connect(id, { as: 'coeditor' });
    await Promise.all([writer.synced(), watcher.synced()]);
    writeInSection(writer.doc, 'p1', 'Trước khi chốt.');
    await waitFor(() => watcher.text().includes('Trước khi chốt.'), 'first edit');
    const closed = new Promise<number>((resolve) =>
      writer.provider.once('connection-close', (event) =>
        resolve((event as { code?: number } | null)?.code ?? -1),
      ),
    );
    await markFinal(server, id);
    expect(await closed).toBe(4500);
    await waitFor(() => writer.provider.synced, 'reconnected read-only');
    writeInSection(writer.doc, 'p1', ' Sau khi chốt.');
    writeInSection(watcher.doc, 'p2', 'Cũng sau khi chốt.');
    // The server has handled both writes (dropped: the draft is final) before the reader joins.
    await Promise.all([writer.roundTrip(), watcher.roundTrip()]);
    const fresh = bed.connect(id, { as: 'reader' });
    await fresh.synced();
    expect(fresh.text()).toContain('Trước khi chốt.');
    expect(fresh.text()).not.toContain('Sau khi chốt');
  });
});

describe('the last edit', () => {
  it('records who edited the text last, for the drafts list', async () => {
    const server = await bed.start();
    const id = await createDraft(server, templateIds[0]!);
    const token = server.workspace.users.editor.token;
    const lastEdit = async () =>
      (
        (await (await api(server, `/drafts/${id}`, { token })).json()) as {
          lastEdit: { name: string } | null;
        }
      ).lastEdit;
    expect(await lastEdit()).toBeNull();
    const coeditor = bed.connect(id, { as: 'coeditor' });
    await coeditor.synced();
    writeInSection(coeditor.doc, 'p1', 'Một câu.');
    await waitForAsync(async () => (await lastEdit())?.name === 'Trần Thị Bình', 'the last edit recorded');
    coeditor.destroy();

    // Noted in memory per edit, written down in batches: a restart straight away keeps it.
    const restarted = await bed.restart();
    const stored = (await (
      await api(restarted, `/drafts/${id}`, { token: restarted.workspace.users.editor.token })
    ).json()) as { lastEdit: { name: string } | null };
    expect(stored.lastEdit?.name).toBe('Trần Thị Bình');
  });
});
