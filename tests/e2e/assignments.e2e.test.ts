import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { createDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('section assignments', () => {
  it('the secretary assigns a section in the outline; the assignee sees it late on the home page with a notification, at 1440 and 390 px', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);

    // The assignee has the draft open already: the outline follows the secretary's change live.
    const watcher = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(watcher.page, server, 'editor');
    await watcher.page.goto(`/drafts/${draftId}`);
    await watcher.page.locator('vk-outline').getByText('Mở đầu và chủ đề Đại hội').waitFor();

    const secretary = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(secretary.page, server, 'secretary');
    await secretary.page.goto(`/drafts/${draftId}`);
    await secretary.page
      .getByRole('button', { name: 'Phân công mục I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU' })
      .click();
    const dialog = secretary.page.getByRole('dialog', { name: 'Phân công viết mục' });
    await dialog.getByLabel('Người viết').selectOption({ label: 'Nguyễn Văn An' });
    // A day already past: the section is not written, so it shows as late at once.
    await dialog.getByLabel('Hạn hoàn thành').fill('2020-01-15');
    await screenshot(secretary.page, 'assignments-dialog-1440');
    await dialog.getByRole('button', { name: 'Phân công', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const outline = secretary.page.locator('vk-outline');
    await outline.getByText('Nguyễn Văn An').first().waitFor();
    await outline.getByText('Hạn 15/01/2020').waitFor();
    await outline.getByText('Trễ hạn', { exact: true }).waitFor();
    await outline.getByText('0/1 mục đã viết').waitFor();
    await screenshot(secretary.page, 'assignments-outline-1440');
    expect(secretary.errors, secretary.errors.join('\n')).toEqual([]);
    await watcher.page.locator('vk-outline').getByText('Hạn 15/01/2020').waitFor();
    expect(await watcher.page.locator('vk-outline').getByText('Trễ hạn', { exact: true }).count()).toBe(1);
    expect(watcher.errors, watcher.errors.join('\n')).toEqual([]);

    // The secretary's controls in the narrow-screen drawer.
    const narrow = await browser.page(server, { width: 390, height: 844 });
    await signInAs(narrow.page, server, 'secretary');
    await narrow.page.goto(`/drafts/${draftId}`);
    await narrow.page.locator('button[aria-controls="outline"]').click();
    await narrow.page.locator('vk-outline').getByText('Hạn 15/01/2020').waitFor();
    await screenshot(narrow.page, 'assignments-outline-secretary-390');
    await narrow.page
      .getByRole('button', { name: 'Phân công mục II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CHỦ YẾU' })
      .click();
    await narrow.page.getByRole('dialog', { name: 'Phân công viết mục' }).waitFor();
    await screenshot(narrow.page, 'assignments-dialog-390');
    expect(narrow.errors, narrow.errors.join('\n')).toEqual([]);

    for (const width of [1440, 390]) {
      const { page, errors } = await browser.page(server, { width, height: width > 800 ? 900 : 844 });
      await signInAs(page, server, 'editor');
      await page.getByText('Mục bạn viết: 1').waitFor();
      await page.getByText('1 trễ hạn', { exact: true }).waitFor();
      await page
        .locator('.mine-sections', { hasText: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU' })
        .waitFor();
      const bell = page.getByRole('button', { name: 'Thông báo: 1 chưa đọc' });
      await bell.waitFor();
      await screenshot(page, `assignments-home-${width}`);
      await bell.click();
      await page.getByText('Bùi Văn Khánh phân công bạn viết một mục của dự thảo').waitFor();
      await screenshot(page, `assignments-notification-${width}`);
      if (width === 390) {
        // The assignee's outline (a drawer here) shows the same, without the secretary's controls.
        await page.goto(`/drafts/${draftId}`);
        await page.locator('button[aria-controls="outline"]').click();
        const own = page.locator('vk-outline');
        await own.getByText('Trễ hạn', { exact: true }).waitFor();
        expect(await own.getByRole('button', { name: /^Phân công mục/ }).count()).toBe(0);
        await screenshot(page, 'assignments-outline-390');
      }
      expect(errors, errors.join('\n')).toEqual([]);
    }
  });
});
