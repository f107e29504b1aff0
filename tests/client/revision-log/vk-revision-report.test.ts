import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../client/revision-log/vk-revision-report.ts';
import type { RevisionReport } from '../../../shared/api/revision-log.ts';
import { eventually, find, findAll, json, mount, stubFetch, textOf } from '../fixture.ts';

const generated: RevisionReport = {
  text: 'BÁO CÁO\nTổng hợp ý kiến\nI. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN',
  generated: true,
  updatedByName: null,
  updatedAt: null,
};

describe('vk-revision-report', () => {
  it('shows the generated draft, stores the edited text, and links the DOCX', async () => {
    const sent = stubFetch((r) =>
      r.method === 'GET'
        ? json(200, generated)
        : json(200, {
            text: (r.body as { text: string }).text,
            generated: false,
            updatedByName: 'Lê Thị Thư',
            updatedAt: '2026-03-10T08:00:00.000Z',
          }),
    );
    const r = await mount('vk-revision-report', { draftId: 'd1', roundId: 4, editable: true });
    await eventually(() => expect(find<HTMLTextAreaElement>(r, 'textarea').value).toBe(generated.text));

    expect(textOf(find(r, '.note'))).toBe('Bản nháp tạo từ bảng tổng hợp; sửa rồi lưu để giữ lại.');
    await userEvent.fill(find<HTMLTextAreaElement>(r, 'textarea'), `${generated.text}\nKiến nghị thêm.`);
    await userEvent.click(find(r, 'button.primary'));
    await eventually(() => expect(textOf(find(r, '.note'))).toContain('Đã sửa bởi Lê Thị Thư'));
    expect(sent[1]).toMatchObject({ method: 'PUT', path: '/api/drafts/d1/rounds/4/log/report' });
    expect(find<HTMLAnchorElement>(r, 'a[download]').getAttribute('href')).toBe(
      '/api/drafts/d1/rounds/4/log/report/export?format=docx',
    );
  });

  it('is read-only without editing rights', async () => {
    stubFetch(() => json(200, generated));
    const r = await mount('vk-revision-report', { draftId: 'd1', roundId: 4 });
    await eventually(() => expect(find<HTMLTextAreaElement>(r, 'textarea').readOnly).toBe(true));
    expect(findAll(r, 'button')).toEqual([]);
  });
});
