/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { draftOutForComments, dragOver } from './consultation-setup.ts';
import { openDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

/** A draft with text, frozen and out for comments to the commenters' branches. */
function consultation() {
  return draftOutForComments(bed, {
    title: 'Lấy ý kiến Dự thảo lần 1',
    orgIds: (orgs) => [orgs.branch, orgs.branch2],
  });
}

/**
 * Picks an answer in a card's form and waits until the form shows it. A card picked from the
 * text moves level with its highlight while the page scrolls smoothly; on a loaded CI machine
 * one click in a full run was seen not to take (twice in all, cause not pinned down: the
 * half-written answer now outlives the form, so it was not a re-render). Clicking again until
 * the button is pressed is what a person does; a choice that never sticks still fails.
 */
async function chooseAnswer(thread: Locator, name: string): Promise<void> {
  const button = thread.getByRole('button', { name, exact: true });
  await expect
    .poll(async () => {
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      return button.getAttribute('aria-pressed');
    })
    .toBe('true');
}

describe('comments on the draft page', () => {
  it('a commenter comments on selected text in two clicks; the committee sees it live, answers, and the commenter sees the answer', async () => {
    const { server, draftId } = await consultation();
    const [drafter, commenter] = [await browser.page(server), await browser.page(server)];
    await signInAs(drafter.page, server, 'editor');
    await signInAs(commenter.page, server, 'commenter');
    await openDraft(drafter.page, draftId);
    await openDraft(commenter.page, draftId);
    await commenter.page.locator('vk-comment-banner', { hasText: 'Lấy ý kiến Dự thảo lần 1' }).waitFor();

    await dragOver(commenter.page, 'Thu hút đầu tư');
    await commenter.page.getByRole('button', { name: 'Góp ý', exact: true }).click();
    await commenter.page.keyboard.type('Cần nêu số vốn đầu tư thu hút được.');
    await commenter.page.keyboard.press('Control+Enter');
    await commenter.page.locator('vk-comment-thread').filter({ hasText: 'Cần nêu số vốn' }).waitFor();
    await commenter.page.locator('.comment-highlight', { hasText: 'Thu hút đầu tư' }).waitFor();
    await screenshot(commenter.page, 'comments-commenter');

    // Live on the committee's page: the count, the highlight and the card.
    await drafter.page.getByRole('button', { name: 'Góp ý (1)' }).click();
    await drafter.page.locator('.comment-highlight', { hasText: 'Thu hút đầu tư' }).click();
    const thread = drafter.page.locator('vk-comment-thread', { hasText: 'Cần nêu số vốn' });
    await chooseAnswer(thread, 'Giải trình');
    await thread.getByLabel('Ý kiến của tiểu ban (bắt buộc)').fill('Số liệu ở Phụ lục 1.');
    await thread.getByRole('button', { name: 'Lưu trả lời' }).click();
    await drafter.page.locator('vk-comment-thread .answer', { hasText: 'Số liệu ở Phụ lục 1.' }).waitFor();
    await screenshot(drafter.page, 'comments-drafter');

    await commenter.page.locator('vk-comment-thread .answer', { hasText: 'Số liệu ở Phụ lục 1.' }).waitFor();

    // Sending the organisation's comments makes them read-only.
    await commenter.page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await commenter.page.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await commenter.page.locator('vk-comment-banner', { hasText: 'Đã gửi' }).waitFor();
    expect(await commenter.page.getByRole('button', { name: 'Rút lại' }).count()).toBe(0);

    expect(drafter.errors, drafter.errors.join('\n')).toEqual([]);
    expect(commenter.errors, commenter.errors.join('\n')).toEqual([]);
  });

  it("two branches comment at once on overlapping words on the version sent out; the committee's highlights follow its typing, an accepted suggestion lands in its text and a deleted sentence leaves the comment orphaned, while the branches keep reading the version", async () => {
    const { server, draftId } = await consultation();
    // A tall window, so both cards beside the first section's text are in view.
    const tall = { width: 1280, height: 1000 };
    const pages = [
      await browser.page(server, tall),
      await browser.page(server, tall),
      await browser.page(server, tall),
    ];
    const [drafter, first, second] = pages.map((p) => p.page) as [Page, Page, Page];
    await signInAs(drafter, server, 'editor');
    await signInAs(first, server, 'commenter');
    await signInAs(second, server, 'commenter2');
    await Promise.all([openDraft(drafter, draftId), openDraft(first, draftId), openDraft(second, draftId)]);
    await drafter.getByRole('button', { name: 'Góp ý (0)' }).click();

    // Both branches at the same moment: a comment and a suggestion over overlapping words.
    const comment = async () => {
      await dragOver(first, 'ngân sách đạt 105%');
      await first.getByRole('button', { name: 'Góp ý', exact: true }).click();
      await first.keyboard.type('Nêu rõ số tuyệt đối.');
      await first.keyboard.press('Control+Enter');
    };
    const suggest = async () => {
      await dragOver(second, '105% kế hoạch');
      await second.getByRole('button', { name: 'Đề xuất sửa' }).click();
      await second.getByLabel('Thay bằng').fill('107% kế hoạch');
      await second.getByLabel('Lý do (không bắt buộc)').fill('Theo số liệu quyết toán.');
      await second.getByRole('button', { name: 'Gửi', exact: true }).click();
    };
    await Promise.all([comment(), suggest()]);
    const highlight = (page: Page, text: string) => page.locator('.comment-highlight', { hasText: text });
    await drafter.getByRole('button', { name: 'Góp ý (2)' }).waitFor();
    // Each branch sees only its own thread.
    await first.locator('vk-comment-thread').filter({ hasText: 'Nêu rõ số tuyệt đối.' }).waitFor();
    expect(await first.locator('vk-comment-thread').count()).toBe(1);
    expect(await second.locator('vk-comment-thread').count()).toBe(1);

    // The committee types inside the first comment's words: its highlight grows; the branches
    // keep reading the version they were sent.
    await drafter.evaluate(() => {
      type Chain = { insertContentAt(at: number, text: string): Chain; run(): boolean };
      type Editor = {
        state: {
          doc: { descendants(f: (n: { isText: boolean; text?: string }, pos: number) => boolean): void };
        };
        chain(): Chain;
      };
      const editor = (window as unknown as { __vkEditor: Editor }).__vkEditor;
      let at = -1;
      editor.state.doc.descendants((node, pos) => {
        const i = node.isText ? (node.text ?? '').indexOf('đạt 105%') : -1;
        if (at < 0 && i >= 0) at = pos + i;
        return at < 0;
      });
      editor.chain().insertContentAt(at, 'nhà nước ').run();
    });
    await drafter.locator('vk-comment-thread .now', { hasText: 'ngân sách nhà nước đạt 105%' }).waitFor();
    await highlight(drafter, 'ngân sách nhà nước đạt').first().waitFor();
    expect(await first.locator('vk-comment-thread .now').count()).toBe(0);
    await screenshot(drafter, 'comments-overlap-drafter');

    // Accepting the suggestion writes it into the committee's text; the branch sees the answer.
    // Picked from the text, as a drafter does: the suggestion's own highlight focuses its card.
    await drafter.locator('.comment-highlight.comment-suggestion').last().click();
    const suggestion = drafter.locator('vk-comment-thread[active]', { hasText: 'Theo số liệu quyết toán.' });
    await chooseAnswer(suggestion, 'Tiếp thu');
    await suggestion.getByRole('button', { name: 'Lưu trả lời' }).click();
    await drafter.locator('.ProseMirror', { hasText: 'đạt 107% kế hoạch' }).waitFor();
    await second.locator('vk-comment-thread .answer', { hasText: 'Tiếp thu' }).waitFor();
    await second.locator('.ProseMirror', { hasText: 'đạt 105% kế hoạch' }).waitFor();

    // The committee deletes the first comment's sentence: the comment stays, marked orphaned.
    await drafter.evaluate(() => {
      type Chain = { deleteRange(r: { from: number; to: number }): Chain; run(): boolean };
      type Editor = {
        state: {
          doc: { descendants(f: (n: { isText: boolean; text?: string }, pos: number) => boolean): void };
        };
        chain(): Chain;
      };
      const editor = (window as unknown as { __vkEditor: Editor }).__vkEditor;
      const sentence = 'Tổng thu ngân sách nhà nước đạt 107% kế hoạch.';
      let at = -1;
      editor.state.doc.descendants((node, pos) => {
        const i = node.isText ? (node.text ?? '').indexOf(sentence) : -1;
        if (at < 0 && i >= 0) at = pos + i;
        return at < 0;
      });
      editor
        .chain()
        .deleteRange({ from: at, to: at + sentence.length })
        .run();
    });
    await drafter.locator('vk-comment-thread .orphan').first().waitFor();
    expect(await highlight(drafter, 'ngân sách').count()).toBe(0);
    await screenshot(drafter, 'comments-orphaned-drafter');
    // The branch's comment still stands on the words it was made on.
    await highlight(first, 'ngân sách đạt 105%').first().waitFor();
    expect(await first.locator('vk-comment-thread .orphan').count()).toBe(0);

    // Once the round is closed the draft is closed to the branch, but its answers page is not.
    const { users } = server.workspace;
    const rounds = await api(server, `/drafts/${draftId}/rounds`, { token: users.editor.token });
    const [latest] = ((await rounds.json()) as { rounds: { round: { id: number } }[] }).rounds;
    const closed = await api(server, `/drafts/${draftId}/rounds/${latest!.round.id}`, {
      token: users.editor.token,
      origin: server.browserUrl,
      method: 'PATCH',
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    await first.getByRole('alert').filter({ hasText: 'Đợt lấy ý kiến đã kết thúc' }).waitFor();
    await screenshot(first, 'comments-round-closed-commenter');
    await second.goto(`${server.browserUrl}/drafts/${draftId}/answers`);
    await second.getByText('1/1 góp ý đã được trả lời').waitFor();
    await second.locator('vk-comment-thread .answer', { hasText: 'Tiếp thu' }).waitFor();
    await screenshot(second, 'comments-answers-page');
    for (const p of pages) expect(p.errors, p.errors.join('\n')).toEqual([]);
  });
});
