/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fragmentText } from '../helpers/collab-client.ts';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import { readStoredDoc } from '../helpers/stored-doc.ts';
import { useTestbed } from '../helpers/testbed.ts';
import {
  createDraft,
  editorText,
  focusSection,
  openDraft,
  twoDraftersOnNewDraft,
  writeHundredPages,
} from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('the draft page', () => {
  it("two drafters typing in the same section see each other's text and caret; keystroke-to-screen p95 is reported", async () => {
    const { a, b } = await twoDraftersOnNewDraft(bed, browser);
    await focusSection(a.page, 'p1-chi-tieu');
    await a.page.keyboard.type('Thu ngân sách vượt kế hoạch. ');
    // B puts its caret after A's sentence once it shows; placed while A's last characters were
    // still on their way, B's typing and theirs would be concurrent at one spot and interleave.
    await b.page.waitForFunction(
      () =>
        (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor
          .getText()
          .includes('Thu ngân sách vượt kế hoạch.'),
      undefined,
      { timeout: 10_000 },
    );
    await focusSection(b.page, 'p1-chi-tieu');
    await b.page.keyboard.type('Đầu tư công giải ngân đạt 95%. ');
    for (const { page } of [a, b]) {
      await page.waitForFunction(
        () => {
          const text = (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor.getText();
          return (
            text.includes('Thu ngân sách vượt kế hoạch.') && text.includes('Đầu tư công giải ngân đạt 95%.')
          );
        },
        undefined,
        { timeout: 10_000 },
      );
    }
    expect(await editorText(a.page)).toBe(await editorText(b.page));
    // The carets are there; their name labels show only for a few seconds after a move.
    await b.page
      .locator('.collaboration-carets__label', { hasText: 'Nguyễn Văn An' })
      .waitFor({ state: 'attached' });
    await a.page
      .locator('.collaboration-carets__label', { hasText: 'Trần Thị Bình' })
      .waitFor({ state: 'attached' });
    await screenshot(a.page, 'draft-two-drafters');

    // Keystroke on A → text on B's screen, 40 times; the clock is the machine's, shared by both pages.
    // Each marker's first characters are typed untimed; the timed keystroke is its last one
    // (timing the whole `type` would add Playwright's own per-character round trips).
    const latencies: number[] = [];
    await focusSection(a.page, 'p2-du-bao');
    for (let i = 0; i < 40; i++) {
      const marker = `m${i}q`;
      await a.page.keyboard.type(` m${i}`);
      const t0 = await a.page.evaluate(() => performance.timeOrigin + performance.now());
      await a.page.keyboard.press('q');
      const t1 = await b.page.waitForFunction(
        (m) =>
          (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor.getText().includes(m)
            ? performance.timeOrigin + performance.now()
            : false,
        marker,
        { polling: 'raf', timeout: 5000 },
      );
      latencies.push(((await t1.jsonValue()) as number) - t0);
    }
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(
      `keystroke-to-screen on the other browser: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    );
    expect(a.errors, a.errors.join('\n')).toEqual([]);
    expect(b.errors, b.errors.join('\n')).toEqual([]);
  });

  it('a commenter comparing with the current text sees live edits but cannot change the text, even through the editor API', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    // A round that lets the branch compare the version with the current (live) text.
    const call = (path: string, body: unknown) =>
      api(server, `/drafts/${draftId}${path}`, {
        token: server.workspace.users.editor.token,
        origin: server.browserUrl,
        body,
      });
    expect((await call('/versions', {})).status).toBe(201);
    const opened = await call('/rounds', {
      version: 1,
      title: 'Lấy ý kiến Dự thảo lần 1',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      orgIds: [server.workspace.orgs.branch],
      allowCompare: true,
    });
    expect(opened.status).toBe(201);
    const [drafter, commenter] = [await browser.page(server), await browser.page(server)];
    await signInAs(drafter.page, server, 'editor');
    await signInAs(commenter.page, server, 'commenter');
    await openDraft(drafter.page, draftId);
    await openDraft(commenter.page, draftId);
    await commenter.page.getByText('Bạn đang xem dự thảo ở chế độ chỉ đọc.').waitFor();
    await commenter.page.getByRole('button', { name: 'Xem bản đang soạn' }).click();
    await commenter.page.getByRole('button', { name: 'Về Dự thảo lần 1' }).waitFor();
    await focusSection(drafter.page, 'p1-boi-canh');
    await drafter.page.keyboard.type('Năm 2025 có nhiều thuận lợi.');
    await commenter.page.waitForFunction(() =>
      (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor
        .getText()
        .includes('nhiều thuận lợi.'),
    );
    // Forced: the editor API ignores `editable: false` (T17); the server must drop it.
    await commenter.page.evaluate(() =>
      (
        window as unknown as { __vkEditor: { commands: { insertContentAt(p: number, t: string): boolean } } }
      ).__vkEditor.commands.insertContentAt(1, 'CHỮ CHÈN TRÁI PHÉP '),
    );
    // A bounded wait proving that something does NOT happen: the page's socket is out of the
    // test's reach, so no answer on it can serve as a barrier. 800 ms is ample on loopback;
    // a write the server wrongly accepted would reach the stored draft checked below.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await editorText(drafter.page)).not.toContain('CHỮ CHÈN TRÁI PHÉP');
    const stored = fragmentText(readStoredDoc(path.join(server.dataDir, 'vankien.db'), draftId));
    expect(stored).toContain('Năm 2025 có nhiều thuận lợi.');
    expect(stored).not.toContain('CHỮ CHÈN TRÁI PHÉP');
    await screenshot(commenter.page, 'draft-read-only');
  });

  it('freezes versions and shows what changed between them', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'editor');
    await openDraft(page, draftId);
    await focusSection(page, 'p1-chi-tieu');
    await page.keyboard.type('Tổng thu đạt 105% kế hoạch.');
    await page.getByRole('button', { name: 'Các lần dự thảo' }).click();
    await page.getByRole('button', { name: 'Chốt dự thảo lần 1' }).click();
    await page.getByRole('button', { name: 'Chốt dự thảo lần 2' }).waitFor();
    await focusSection(page, 'p1-chi-tieu');
    await page.keyboard.type(' Thu hút đầu tư tăng mạnh.');
    await page.getByRole('button', { name: 'Chốt dự thảo lần 2' }).click();
    await page.getByRole('button', { name: 'Chốt dự thảo lần 3' }).waitFor();
    await page.getByRole('button', { name: 'So sánh', exact: true }).click();
    const inserted = page.locator('ins', { hasText: 'Thu hút đầu tư tăng mạnh.' });
    await inserted.waitFor();
    await screenshot(page, 'draft-diff');
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it("a link to a draft's versions opens the page with the versions panel, and the address follows the panel", async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'editor');
    await page.goto(`/drafts/${draftId}/versions`);
    await page.getByRole('button', { name: 'Chốt dự thảo lần 1' }).waitFor();
    await page.getByRole('button', { name: 'Hướng dẫn' }).click();
    await page.waitForURL(`**/drafts/${draftId}`);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('works on a 768-px tablet', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const { page, errors } = await browser.page(server, { width: 768, height: 1024 });
    await signInAs(page, server, 'editor');
    await openDraft(page, draftId);
    await focusSection(page, 'mo-dau');
    await page.keyboard.type('Đại hội lần thứ VI.');
    expect(await editorText(page)).toContain('Đại hội lần thứ VI.');
    await screenshot(page, 'draft-768');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

describe('a 100-page draft', () => {
  it('opens in the browser within 2 s (figure printed)', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    // 100 pages: about 50,000 words in 830 paragraphs of 60, written by a stock client.
    const writer = bed.connect(draftId);
    await writer.synced();
    writeHundredPages(writer.doc);
    await writer.flushed(30_000);
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'coeditor');
    const t0 = Date.now();
    await openDraft(page, draftId);
    await page.waitForFunction(
      () =>
        (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor.getText().length > 200_000,
    );
    const ms = Date.now() - t0;
    console.log(`first load of the draft page on a 100-page draft: ${ms} ms`);
    expect(ms).toBeLessThan(10_000); // the 2 s target is a benchmark figure; this only catches a hang
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
