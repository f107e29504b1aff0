/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { draftOutForComments, dragOver, TARGETS } from './consultation-setup.ts';
import { editorText, openDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

const SENT = TARGETS;

/** A draft frozen as Dự thảo lần 1 with SENT, out for comments to the first branch. */
async function roundOnVersion(allowCompare: boolean) {
  const { server, draftId, writer } = await draftOutForComments(bed, {
    title: 'Lấy ý kiến Dự thảo lần 1',
    orgIds: (orgs) => [orgs.branch],
    allowCompare,
  });
  writer.destroy();
  return { server, draftId };
}

/** Runs an editor command in the page: inserts `text` before the first `before`. */
function insertBefore(page: Page, before: string, text: string): Promise<void> {
  return page.evaluate(
    ({ before, text }) => {
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
        const i = node.isText ? (node.text ?? '').indexOf(before) : -1;
        if (at < 0 && i >= 0) at = pos + i;
        return at < 0;
      });
      editor.chain().insertContentAt(at, text).run();
    },
    { before, text },
  );
}

describe("a round's version", () => {
  it('the commenter reads and comments on the version sent out while the committee edits; the committee sees the comment at the same words in its current text', async () => {
    const { server, draftId } = await roundOnVersion(false);
    const drafter = await browser.page(server);
    const commenter = await browser.page(server);
    await signInAs(drafter.page, server, 'editor');
    await signInAs(commenter.page, server, 'commenter');
    await openDraft(drafter.page, draftId);

    // The committee keeps writing after the round opened: before, inside and after the phrase.
    await insertBefore(drafter.page, 'Tổng thu', 'Năm 2025, ');
    await insertBefore(drafter.page, 'đầu tư', 'vốn ');
    await insertBefore(drafter.page, 'tăng mạnh', 'nước ngoài ');
    await drafter.page
      .locator('.ProseMirror', { hasText: 'Thu hút vốn đầu tư nước ngoài tăng mạnh' })
      .waitFor();

    // The commenter sees the version exactly as sent, none of the committee's edits.
    await openDraft(commenter.page, draftId);
    await commenter.page.getByText('Bạn đang đọc Dự thảo lần 1, bản gửi lấy ý kiến.').waitFor();
    await commenter.page.locator('.ProseMirror', { hasText: SENT }).waitFor();
    expect(await editorText(commenter.page)).not.toContain('Năm 2025');
    expect(await commenter.page.getByRole('button', { name: 'Xem bản đang soạn' }).count()).toBe(0);

    await dragOver(commenter.page, 'Thu hút đầu tư tăng mạnh');
    await commenter.page.getByRole('button', { name: 'Góp ý', exact: true }).click();
    await commenter.page.keyboard.type('Cần nêu số vốn thu hút được.');
    await commenter.page.keyboard.press('Control+Enter');
    await commenter.page
      .locator('.comment-highlight', { hasText: 'Thu hút đầu tư tăng mạnh' })
      .first()
      .waitFor();
    await screenshot(commenter.page, 'round-version-commenter');

    // The committee sees it live, on the same words in the current text, edits included.
    await drafter.page.getByRole('button', { name: 'Góp ý (1)' }).click();
    const thread = drafter.page.locator('vk-comment-thread', { hasText: 'Cần nêu số vốn' });
    await thread.waitFor();
    await expect
      .poll(async () => (await drafter.page.locator('.comment-highlight').allTextContents()).join(''))
      .toBe('Thu hút vốn đầu tư nước ngoài tăng mạnh');
    // The card quotes the words as sent and says what they read now.
    await thread.getByText('Thu hút đầu tư tăng mạnh', { exact: true }).first().waitFor();
    await thread.locator('.now', { hasText: 'Thu hút vốn đầu tư nước ngoài tăng mạnh' }).waitFor();
    expect(await thread.locator('.orphan').count()).toBe(0);
    await screenshot(drafter.page, 'round-version-drafter');

    // Without the committee's leave, the live text is not served to the organisation at all.
    const refused = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(server.rawUrl(draftId, 'commenter'));
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the live text was served to a commenter')));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(404);
    expect(drafter.errors, drafter.errors.join('\n')).toEqual([]);
    expect(commenter.errors, commenter.errors.join('\n')).toEqual([]);
  });

  it('where the committee allows it, the commenter switches to the current text to compare, and back to comment', async () => {
    const { server, draftId } = await roundOnVersion(true);
    const drafter = await browser.page(server);
    const commenter = await browser.page(server);
    await signInAs(drafter.page, server, 'editor');
    await signInAs(commenter.page, server, 'commenter');
    await openDraft(drafter.page, draftId);
    await insertBefore(drafter.page, 'Tổng thu', 'Năm 2025, ');
    await drafter.page.locator('.ProseMirror', { hasText: 'Năm 2025, Tổng thu' }).waitFor();

    await openDraft(commenter.page, draftId);
    await commenter.page.locator('.ProseMirror', { hasText: SENT }).waitFor();
    await commenter.page.getByRole('button', { name: 'Xem bản đang soạn' }).click();
    await commenter.page.locator('.ProseMirror', { hasText: 'Năm 2025, Tổng thu' }).waitFor();
    await screenshot(commenter.page, 'round-version-compare');
    await commenter.page.getByRole('button', { name: 'Về Dự thảo lần 1' }).click();
    await commenter.page.locator('.ProseMirror', { hasText: SENT }).waitFor();
    expect(await editorText(commenter.page)).not.toContain('Năm 2025');
    expect(commenter.errors, commenter.errors.join('\n')).toEqual([]);
  });
});
