import { describe, expect, it } from 'vitest';
import { execOnServer } from '../../helpers/test-database.ts';
import { api } from '../../helpers/http-client.ts';
import { markFinal } from '../drafts/draft-header-helpers.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { EXPORT_LIMITS } from '../../../shared/limits.ts';
import { errorCode, exportDraft, fetchExport, TEMPLATE, writeRuns } from './export-helpers.ts';

const bed = useTestbed();

describe('who may export what, and bad input', () => {
  it("refuses an unknown profile, another unit's draft, a reading admin, and final exports by a drafter or of a non-final draft", async () => {
    const { server, id } = await exportDraft(bed);
    const profile = await fetchExport(server, id, 'format=docx&profile=hd99-2030');
    expect([profile.status, await errorCode(profile)]).toEqual([404, 'export_profile_not_found']);
    const foreign = await fetchExport(server, id, 'format=pdf', 'outsider');
    expect([foreign.status, await errorCode(foreign)]).toEqual([404, 'draft_not_found']);
    const reader = await fetchExport(server, id, 'format=docx', 'reader');
    expect(reader.status).toBe(403);
    const drafter = await fetchExport(server, id, 'format=docx&kind=final');
    expect([drafter.status, await errorCode(drafter)]).toEqual([403, 'export_final_forbidden']);
    const early = await fetchExport(server, id, 'format=docx&kind=final', 'secretary');
    expect([early.status, await errorCode(early)]).toEqual([409, 'export_not_final']);
  });

  it('the secretary exports the final text of a final draft, unmarked and signed in their name', async () => {
    const { server, id } = await exportDraft(bed);
    await markFinal(server, id);
    const response = await fetchExport(server, id, 'format=md&kind=final', 'secretary');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('**Bùi Văn Khánh**');
    expect(response.headers.get('content-disposition')).not.toContain('d%E1%BB%B1%20th%E1%BA%A3o');
  });

  it('refuses a final text without its number, place and date (409 export_header_incomplete, naming them)', async () => {
    const server = await bed.start();
    const token = server.workspace.users.secretary.token;
    const created = await api(server, '/drafts', {
      token,
      body: { templateId: TEMPLATE, header: { congressOrdinal: 7 } },
    });
    const { id } = (await created.json()) as { id: string };
    // Marking final now needs a complete header, so this is a draft marked final before that
    // rule (an older database): the export still refuses it.
    const marked = await api(server, `/drafts/${id}`, { token, method: 'PATCH', body: { status: 'final' } });
    expect(marked.status).toBe(409);
    await execOnServer(server, "UPDATE drafts SET status = 'final' WHERE id = ?", [id]);
    for (const path of ['export', 'export/check']) {
      const refused = await api(server, `/drafts/${id}/${path}?format=pdf&kind=final`, { token });
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect([refused.status, body.error.code]).toEqual([409, 'export_header_incomplete']);
      expect(body.error.message).toContain('numberSymbol, place, date');
    }
    // A working copy still exports, with the placeholders and the congress line.
    const working = await api(server, `/drafts/${id}/export?format=md`, { token });
    expect(working.status).toBe(200);
    expect(await working.text()).toContain('ĐẠI HỘI ĐẠI BIỂU LẦN THỨ VII');
  });

  it('warns by name about empty required sections, still exports, and lists every export', async () => {
    const { server, id, writer } = await exportDraft(bed);
    writeRuns(writer.doc, 'p1-chi-tieu', [{ text: 'Đạt và vượt 12/14 chỉ tiêu.' }]);
    await writer.flushed();
    const token = server.workspace.users.editor.token;
    await fetchExport(server, id, 'format=html');
    const check = (await (await api(server, `/drafts/${id}/export/check?format=pdf`, { token })).json()) as {
      warnings: { sectionId: string; section: string; code: string }[];
    };
    const ids = check.warnings.map((w) => w.sectionId);
    expect(ids).not.toContain('p1-chi-tieu');
    expect(check.warnings).toContainEqual({
      code: 'required_section_empty',
      sectionId: 'p2-du-bao',
      section: expect.stringContaining('I. ') as string,
    });
    const response = await fetchExport(server, id, 'format=pdf');
    expect(response.status).toBe(200);
    const header = JSON.parse(
      decodeURIComponent(response.headers.get('x-vankien-warnings') ?? '[]'),
    ) as unknown[];
    expect(header).toHaveLength(check.warnings.length);
    const list = (await (await api(server, `/drafts/${id}/exports`, { token })).json()) as {
      exports: { format: string; kind: string; userName: string; warnings: unknown[] }[];
    };
    expect(list.exports.map((e) => e.format)).toEqual(['pdf', 'html']);
    expect(list.exports[0]).toMatchObject({ kind: 'working', userName: 'Nguyễn Văn An' });
    expect(list.exports[0]!.warnings).toHaveLength(check.warnings.length);
  });

  it('refuses a draft over the export limit with a clear error', async () => {
    const { server, id, writer } = await exportDraft(bed);
    const chunk = 'lorem ipsum '.repeat(25_000);
    const chunks = Math.ceil(EXPORT_LIMITS.maxChars / chunk.length) + 1;
    for (let i = 0; i < chunks; i++) {
      writeRuns(writer.doc, 'p1-chi-tieu', [{ text: chunk }]);
      await writer.flushed();
    }
    const response = await fetchExport(server, id, 'format=docx');
    expect([response.status, await errorCode(response)]).toEqual([400, 'export_too_large']);
  });

  it('rate-limits exports per user', async () => {
    const { server, id } = await exportDraft(bed);
    const statuses: number[] = [];
    for (let i = 0; i <= EXPORT_LIMITS.perWindow; i++)
      statuses.push(
        (await api(server, `/drafts/${id}/export?format=md`, { token: server.workspace.users.editor.token }))
          .status,
      );
    expect(statuses.slice(0, EXPORT_LIMITS.perWindow).every((s) => s === 200)).toBe(true);
    const refused = await api(server, `/drafts/${id}/export?format=md`, {
      token: server.workspace.users.editor.token,
    });
    expect([refused.status, await errorCode(refused)]).toEqual([429, 'too_many_requests']);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another user has their own allowance.
    expect((await fetchExport(server, id, 'format=md', 'coeditor')).status).toBe(200);
  });
});
