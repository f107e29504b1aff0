/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { createDraft, editorText, focusSection, openDraft, twoDraftersOnNewDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('find and replace on the draft page', () => {
  it('Ctrl+F finds "dang" in "Đảng" without diacritics, and a replacement reaches the colleague', async () => {
    const { a, b } = await twoDraftersOnNewDraft(bed, browser, {
      a: { width: 1440, height: 900 },
    });
    await focusSection(a.page, 'p1-chi-tieu');
    await a.page.keyboard.type('Đảng bộ lãnh đạo toàn diện; công tác xây dựng Đảng được chú trọng.');
    await a.page.keyboard.press('Control+f');
    const find = a.page.getByRole('searchbox', { name: 'Tìm trong dự thảo' });
    await find.waitFor();
    await find.fill('dang');
    // "Đảng" and "đảng" in the paragraph and in the outline's headings, not "dựng" (its vowel is ư):
    // ten in all; the first after the cursor (the heading "3. Công tác xây dựng Đảng") is current.
    await a.page.getByText('3/10').waitFor();
    await a.page.keyboard.press('Enter');
    await a.page.getByText('4/10').waitFor();
    expect(await a.page.locator('.find-match').count()).toBe(10);
    await screenshot(a.page, 'find-replace-1440');
    await find.fill('dang bo lanh dao');
    await a.page.getByText('1/1').waitFor();
    await a.page.getByRole('textbox', { name: 'Thay bằng' }).fill('Đảng ủy lãnh đạo');
    await a.page.getByRole('button', { name: 'Thay tất cả' }).click();
    await b.page.waitForFunction(() =>
      (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor
        .getText()
        .includes('Đảng ủy lãnh đạo toàn diện; công tác xây dựng Đảng được chú trọng.'),
    );
    await a.page.getByText('Không thấy').waitFor();
    await a.page.keyboard.press('Escape');
    await find.waitFor({ state: 'detached' });
    expect(await a.page.locator('.find-match').count()).toBe(0);
    expect(await editorText(a.page)).toBe(await editorText(b.page));
    await a.page.setViewportSize({ width: 390, height: 844 });
    await a.page.keyboard.press('Control+f');
    await find.waitFor();
    await screenshot(a.page, 'find-replace-390');
    expect(a.errors, a.errors.join('\n')).toEqual([]);
    expect(b.errors, b.errors.join('\n')).toEqual([]);
  });

  it('a reader finds in the read-only text with Ctrl+F or its button, with no replace', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const writer = await browser.page(server);
    await signInAs(writer.page, server, 'editor');
    await openDraft(writer.page, draftId);
    await focusSection(writer.page, 'p1-chi-tieu');
    await writer.page.keyboard.type('Đảng bộ lãnh đạo toàn diện.');
    const reader = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(reader.page, server, 'reader'); // a bloc admin reads the unit's draft
    await openDraft(reader.page, draftId);
    await reader.page.waitForFunction(() =>
      (window as unknown as { __vkEditor: { getText(): string } }).__vkEditor
        .getText()
        .includes('Đảng bộ lãnh đạo toàn diện.'),
    );
    await reader.page.keyboard.press('Control+f');
    const find = reader.page.getByRole('searchbox', { name: 'Tìm trong dự thảo' });
    await find.fill('dang bo lanh');
    await reader.page.getByText('1/1').waitFor();
    expect(await reader.page.locator('.find-match').count()).toBe(1);
    expect(await reader.page.getByRole('textbox', { name: 'Thay bằng' }).count()).toBe(0);
    await screenshot(reader.page, 'find-read-only-1440');
    await reader.page.keyboard.press('Escape');
    await find.waitFor({ state: 'detached' });
    await reader.page.getByRole('button', { name: 'Tìm trong dự thảo' }).click();
    await find.waitFor();
    expect(reader.errors, reader.errors.join('\n')).toEqual([]);
  });
});
