import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/export/vk-export-dialog.ts';

import {
  captureEvents,
  deferred,
  eventually,
  find,
  findAll,
  json,
  mount,
  settle,
  stubFetch,
  textOf,
} from '../fixture.ts';

const WARNING = { code: 'required_section_empty', sectionId: 'p2-du-bao', section: 'I. DỰ BÁO TÌNH HÌNH' };
const RECORD = {
  id: 1,
  userId: 7,
  userName: 'Nguyễn Văn An',
  format: 'pdf',
  kind: 'working',
  version: 2,
  profile: 'hd36-2018',
  roundId: null,
  bytes: 1000,
  warnings: [],
  createdAt: '2026-12-04T08:00:00.000Z',
};

/** Draft d1 with two versions, no rounds, one past export; the file download answers `file`. */
function api(file: () => Response | Promise<Response>) {
  return stubFetch((r) => {
    if (r.path === '/api/drafts/d1/versions')
      return json(200, { versions: [1, 2].map(version), restores: [] });
    if (r.path === '/api/drafts/d1/rounds') return json(200, { rounds: [] });
    if (r.path === '/api/drafts/d1/exports') return json(200, { exports: [RECORD] });
    if (r.path.startsWith('/api/drafts/d1/export/check'))
      return json(200, { fileName: 'x.docx', profile: 'hd36-2018', warnings: [WARNING] });
    if (r.path.startsWith('/api/drafts/d1/export?')) return file();
    return undefined;
  });
}

function version(number: number) {
  return {
    number,
    label: `Dự thảo lần ${number}`,
    note: '',
    createdBy: 7,
    createdByName: 'A',
    createdAt: RECORD.createdAt,
  };
}

describe('vk-export-dialog', () => {
  it('names empty required sections, lists past exports, and downloads the chosen version with its Vietnamese file name', async () => {
    const name = 'BÁO CÁO CHÍNH TRỊ (dự thảo lần 2).docx';
    const sent = api(
      () =>
        new Response(new Uint8Array(2048), {
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': '2048',
            'content-disposition': `attachment; filename="x.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
            'x-vankien-warnings': encodeURIComponent(JSON.stringify([WARNING])),
          },
        }),
    );
    const dialog = await mount('vk-export-dialog', { draftId: 'd1' });
    await dialog.show();
    await settle(dialog);
    expect(textOf(find(dialog, '.warnings p'))).toBe('1 mục bắt buộc còn trống:');
    expect(textOf(find(dialog, '.warnings li'))).toBe('I. DỰ BÁO TÌNH HÌNH');
    expect(findAll(dialog, 'tr')).toHaveLength(2);
    expect(textOf(find(dialog, 'table'))).toContain('Nguyễn Văn An');
    // No "final text" option on a draft that is not final.
    expect(findAll(dialog, '[name="final"]')).toHaveLength(0);

    const version = find<HTMLSelectElement>(dialog, '[name="version"]');
    await userEvent.selectOptions(version, '2');
    const events = captureEvents('vk-draft-exported');
    await userEvent.click(find(dialog, 'button[type="submit"]'));
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]!.fileName).toBe(name);
    expect(sent.map((r) => r.path)).toContain('/api/drafts/d1/export?format=docx&kind=working&version=2');
  });

  it("shows the server's reason when the secretary-only final export is refused", async () => {
    api(() => json(403, { error: { code: 'export_final_forbidden', message: 'no' } }));
    const dialog = await mount('vk-export-dialog', { draftId: 'd1', final: true });
    await dialog.show();
    await settle(dialog);
    await userEvent.click(find(dialog, '[name="final"]'));
    await userEvent.click(find(dialog, 'button[type="submit"]'));
    await eventually(() =>
      expect(textOf(find(dialog, '.error'))).toBe('Chỉ bí thư được xuất bản chính thức.'),
    );
  });

  it('says the file is being made, with the seconds spent, and when a busy server asks to come back', async () => {
    const held = deferred<Response>();
    api(() => held.promise);
    const dialog = await mount('vk-export-dialog', { draftId: 'd1' });
    await dialog.show();
    await settle(dialog);
    await userEvent.click(find(dialog, 'button[type="submit"]'));
    await eventually(() => expect(textOf(find(dialog, '.making'))).toBe('Đang tạo tệp… (0 giây)'));
    expect(find<HTMLButtonElement>(dialog, 'button[type="submit"]').disabled).toBe(true);
    await eventually(() => expect(textOf(find(dialog, '.making'))).toBe('Đang tạo tệp… (1 giây)'));
    held.resolve(
      new Response(JSON.stringify({ error: { code: 'export_busy', message: 'busy' } }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '7' },
      }),
    );
    await eventually(() =>
      expect(textOf(find(dialog, '.error'))).toBe(
        'Máy chủ đang bận tạo các tệp khác. Vui lòng thử lại sau 7 giây.',
      ),
    );
    expect(findAll(dialog, '.making')).toHaveLength(0);
    expect(find<HTMLButtonElement>(dialog, 'button[type="submit"]').disabled).toBe(false);
  });
});
