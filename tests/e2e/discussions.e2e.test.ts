/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import { describe, expect, it } from 'vitest';
import { screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { draftOutForComments, dragOver } from './consultation-setup.ts';
import { openDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

/** A draft with text, out for comments to the commenter's branch, so a commenter can open it. */
function draftInConsultation() {
  return draftOutForComments(bed, { title: 'Lấy ý kiến lần 1', orgIds: (orgs) => [orgs.branch] });
}

describe('the committee talks inside the draft', () => {
  it('A comments and mentions B; B is notified, sees the thread and replies; A resolves it and it folds; a commenter sees none of it', async () => {
    const { server, draftId } = await draftInConsultation();
    const wide = { width: 1440, height: 900 };
    const [a, b, c] = [
      await browser.page(server, wide),
      await browser.page(server, wide),
      await browser.page(server, wide),
    ];
    await signInAs(a.page, server, 'editor');
    await signInAs(b.page, server, 'coeditor');
    await signInAs(c.page, server, 'commenter');
    for (const p of [a, b, c]) await openDraft(p.page, draftId);

    // A selects words, opens a thread from the bubble, and mentions B through the suggestions.
    await dragOver(a.page, 'Thu hút đầu tư');
    await a.page.getByRole('button', { name: 'Trao đổi nội bộ', exact: true }).click();
    const composer = a.page.getByRole('form', { name: 'Trao đổi nội bộ mới' });
    await composer.getByRole('combobox').pressSequentially('Nhờ @binh');
    await a.page.getByRole('option', { name: '@Trần Thị Bình' }).waitFor();
    await screenshot(a.page, 'discussions-mention-1440', { fullPage: false });
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('kiểm tra số vốn thu hút.');
    await a.page.keyboard.press('Control+Enter');
    const threadOnA = a.page.locator('vk-discussion-thread', { hasText: 'kiểm tra số vốn' });
    await threadOnA.locator('.mention', { hasText: '@Trần Thị Bình' }).waitFor();
    await a.page.locator('.discussion-highlight', { hasText: 'Thu hút đầu tư' }).waitFor();

    // B: the bell counts it, and its link opens the draft's discussions with the thread.
    await b.page.getByRole('button', { name: 'Thông báo: 1 chưa đọc' }).click();
    await b.page.getByRole('link', { name: /Nguyễn Văn An nhắc đến bạn trong trao đổi nội bộ/ }).click();
    await b.page.waitForURL(`**/drafts/${draftId}/discussions`);
    const threadOnB = b.page.locator('vk-discussion-thread', { hasText: 'kiểm tra số vốn' });
    await threadOnB.waitFor();
    await b.page.locator('.discussion-highlight', { hasText: 'Thu hút đầu tư' }).waitFor();
    await threadOnB.getByRole('combobox', { name: 'Nội dung trả lời' }).fill('Đã kiểm tra: 1.200 tỷ đồng.');
    await threadOnB.getByRole('button', { name: 'Trả lời', exact: true }).click();

    // A sees the reply live; the answered thread stays open while it is A's focus.
    await threadOnA.getByText('Đã kiểm tra: 1.200 tỷ đồng.').waitFor();
    await screenshot(a.page, 'discussions-thread-1440');
    await threadOnA.getByRole('button', { name: 'Đánh dấu đã giải quyết' }).click();
    // Folded to one line: its state, who started it and the quoted words (the messages hidden).
    await a.page.locator('vk-discussion-thread article.collapsed', { hasText: 'Thu hút đầu tư' }).waitFor();
    expect(await threadOnA.count()).toBe(0);
    await a.page.locator('.discussion-highlight.discussion-settled', { hasText: 'Thu hút đầu tư' }).waitFor();
    await b.page.locator('vk-discussion-thread article.collapsed').waitFor();
    // Its highlight fades out (a transition) to a faint dotted underline.
    await a.page.waitForFunction(() => {
      const editor = document
        .querySelector('vk-app')
        ?.shadowRoot?.querySelector('vk-draft-page')
        ?.shadowRoot?.querySelector('vk-editor')?.shadowRoot;
      const span = editor?.querySelector('.discussion-settled');
      return span != null && getComputedStyle(span).backgroundColor === 'rgba(0, 0, 0, 0)';
    });
    await screenshot(a.page, 'discussions-resolved-1440');

    // The commenter: no tab, no highlight, and the API refuses.
    await c.page.locator('.comment-highlight, vk-comment-banner').first().waitFor();
    expect(await c.page.getByRole('button', { name: /^Trao đổi/ }).count()).toBe(0);
    expect(await c.page.locator('.discussion-highlight').count()).toBe(0);
    // The commenter's page never asked for them (it would have logged the refusal).
    expect(c.errors).toEqual([]);
    const status = await c.page.evaluate(
      async (id) => (await fetch(`/api/drafts/${id}/discussions`)).status,
      draftId,
    );
    expect(status).toBe(403);

    // A phone: the panel is a drawer; the folded thread opens again on a tap.
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.getByRole('button', { name: /^Trao đổi/ }).click();
    await b.page.locator('vk-discussion-thread article.collapsed').click();
    await b.page.locator('vk-discussion-thread', { hasText: 'Đã kiểm tra' }).getByText('Mở lại').waitFor();
    await screenshot(b.page, 'discussions-390');
    for (const p of [a, b]) expect(p.errors).toEqual([]);
  });
});
