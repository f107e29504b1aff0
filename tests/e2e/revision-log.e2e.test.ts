import { describe, expect, it } from 'vitest';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { waitForAsync } from '../helpers/wait.ts';
import { BUDGET, DIGITAL, OUTLOOK, SINGLES } from '../server/revision-log/near-duplicates.ts';
import { writeInSection } from '../server/drafts/draft-text-helpers.ts';
import { revisionRound } from '../server/revision-log/revision-round.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('the revision log page', () => {
  it('the committee reaches the table from the round, answers a group, and prints it', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const round = await revisionRound(server, {
      orgs: 12,
      submitted: 9,
      plan: (i) => [
        i < 6
          ? { sectionId: 'p1-chi-tieu', body: BUDGET[i % BUDGET.length]! }
          : i < 9
            ? { sectionId: 'p1-chi-tieu', body: DIGITAL[i - 6]! }
            : { sectionId: 'p2-du-bao', body: i === 9 ? OUTLOOK[0]! : SINGLES[i - 9]! },
      ],
    });
    const { page, errors } = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(page, server, 'editor');
    await page.goto(`/drafts/${round.draftId}/rounds/${round.roundId}`);
    await page.getByRole('link', { name: /Bảng tổng hợp, tiếp thu, giải trình/ }).click();
    await page.getByRole('heading', { name: 'Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý' }).waitFor();
    const table = page.locator('vk-revision-table');
    // Organisations 10–12 have not sent: their comments wait outside the table until asked for.
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await table.getByLabel('Hiện cả ý kiến chưa gửi').check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    await table.getByRole('button', { name: 'Xem 1 ý kiến' }).first().click();
    await expect
      .poll(() => table.locator('vk-revision-members .unsent').first().textContent())
      .toBe('chưa gửi');
    await screenshot(page, 'revision-log-unsent');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'revision-log-unsent-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await table.getByLabel('Hiện cả ý kiến chưa gửi').uncheck();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').nth(2).locator('.headline').textContent())
      .toBe('Có 6 ý kiến (6/12 chi bộ) đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025');

    await table.getByRole('button', { name: 'Tổng hợp, trả lời' }).first().click();
    const dialog = page.locator('vk-revision-group-editor dialog');
    await dialog.getByLabel('Hướng xử lý').selectOption('explained');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByLabel(/Nội dung tiếp thu, giải trình/).fill('Số liệu chi tiết đã có trong phụ lục.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').nth(5).textContent())
      .toContain('Giải trình');
    await screenshot(page, 'revision-log');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'revision-log-print');
    await page.emulateMedia({ media: 'screen' });
    const writer = bed.connect(round.draftId);
    await writer.synced();
    writeInSection(writer.doc, 'p1-chi-tieu', ' Số liệu chi tiết ở phụ lục.');
    // The history is read when its tab opens: the edit must be on the server by then.
    await waitForAsync(async () => {
      const { body } = await round.call<{ sections: { id: string; words: number }[] }>('editor', '/progress');
      return (body.sections.find((x) => x.id === 'p1-chi-tieu')?.words ?? 0) > 14;
    }, 'the edit on the server');
    await page.getByRole('tab', { name: 'Sửa đổi theo từng phần' }).click();
    const history = page.locator('vk-revision-history');
    await history.getByRole('button', { name: 'Xem thay đổi' }).click();
    await expect.poll(() => history.locator('td.diff ins').textContent()).toContain('phụ lục');
    await expect.poll(() => history.locator('tbody td').nth(2).textContent()).toBe('Nguyễn Văn An');
    await screenshot(page, 'revision-log-history');
    await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    await page.getByLabel('Báo cáo tổng hợp ý kiến').waitFor();
    await screenshot(page, 'revision-log-report');

    const log = (await round.call<RevisionLog>('editor', `/rounds/${round.roundId}/log`)).body;
    expect(log.counts.byDisposition.explained).toBe(6);
    expect(errors).toEqual([]);
  });
});
