/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { createDraft, editorText, focusSection, openDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();
const SECTION = 'mo-dau';

type Handle = { __vkEditor: { getText(): string; getHTML(): string } };

/** Waits until the page's editor HTML satisfies `test` (a regular expression source). */
function htmlMatches(page: Page, source: string, negate = false): Promise<unknown> {
  return page.waitForFunction(
    ([s, n]) => new RegExp(s).test((window as unknown as Handle).__vkEditor.getHTML()) !== n,
    [source, negate] as const,
  );
}

function suggestButton(page: Page) {
  return page.locator('vk-suggestion-controls button[aria-pressed]');
}

describe('suggesting mode with two drafters', () => {
  it("A proposes a change, B sees it live with A's name, accepts it, and it becomes ordinary text for both", async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const a = await browser.page(server, { width: 1440, height: 900 });
    const b = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(a.page, server, 'editor');
    await signInAs(b.page, server, 'coeditor');
    await openDraft(a.page, draftId);
    await openDraft(b.page, draftId);
    await focusSection(a.page, SECTION);
    await a.page.keyboard.type('Đại hội đại biểu Đảng bộ lần thứ V, nhiệm kỳ 2020-2025.');
    await b.page.waitForFunction(() =>
      (window as unknown as Handle).__vkEditor.getText().includes('nhiệm kỳ 2020-2025.'),
    );

    // A switches to "Đề xuất", strikes "V" and "2020-2025" and types the new words.
    await suggestButton(a.page).click();
    await expect.poll(() => suggestButton(a.page).getAttribute('aria-pressed')).toBe('true');
    for (let i = 0; i < '2020-2025.'.length; i++) await a.page.keyboard.press('Backspace');
    await a.page.keyboard.type('2025-2030.');
    // Further back: "V" → "VI" (a second proposal).
    await a.page.keyboard.press('Home');
    for (let i = 0; i < 'Đại hội đại biểu Đảng bộ lần thứ V'.length; i++)
      await a.page.keyboard.press('ArrowRight');
    await a.page.keyboard.type('I');

    // B sees both proposals live, coloured, with A's name on hover; the text is all still there.
    await htmlMatches(b.page, '<ins [^>]*>2025-2030\\.</ins>');
    await htmlMatches(b.page, 'lần thứ V<ins [^>]*>I</ins>');
    const inserted = b.page.locator('.ProseMirror ins.suggestion-insert', { hasText: '2025-2030' });
    expect(await inserted.getAttribute('title')).toBe('Nguyễn Văn An');
    expect(await b.page.locator('.ProseMirror del.suggestion-delete').first().textContent()).toBe(
      '2020-2025.',
    );
    // Backspace left the caret before the struck words, so the new ones come first (as in Word).
    expect(await editorText(b.page)).toContain('lần thứ VI, nhiệm kỳ 2025-2030.2020-2025.');
    await expect.poll(() => b.page.locator('vk-suggestion-controls .count').textContent()).toContain('2');
    expect(await suggestButton(b.page).getAttribute('aria-pressed')).toBe('false');

    // B clicks the proposal: the card says who proposed what, with accept and reject.
    await inserted.click();
    const card = b.page.locator('vk-suggestion-popover [role="dialog"]');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Nguyễn Văn An[\s\S]*Thay[\s\S]*2020-2025\.[\s\S]*2025-2030\./);
    await screenshot(b.page, 'suggestions-1440-card');

    // The same on a phone.
    await b.page.setViewportSize({ width: 390, height: 844 });
    await inserted.scrollIntoViewIfNeeded();
    await b.page.locator('.ProseMirror del.suggestion-delete').first().click();
    await card.waitFor();
    await screenshot(b.page, 'suggestions-390-card');
    const cardBox = await card.boundingBox();
    expect(cardBox !== null && cardBox.x >= 0 && cardBox.x + cardBox.width <= 390).toBe(true);
    // Nor does A's caret label at the end of the line widen the page.
    expect(
      await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    // B accepts: the new wording is plain text on both screens.
    await card.getByRole('button', { name: 'Chấp nhận' }).click();
    const accepted = 'Đại hội đại biểu Đảng bộ lần thứ VI, nhiệm kỳ 2025-2030.';
    await htmlMatches(a.page, 'nhiệm kỳ 2025-2030\\.</p>');
    expect(await editorText(a.page)).toContain('lần thứ VI, nhiệm kỳ 2025-2030.');
    // "VI" is still A's pending proposal: B rejects everything left with one button.
    await b.page.setViewportSize({ width: 1440, height: 900 });
    await b.page.locator('vk-suggestion-controls button', { hasText: 'Từ chối tất cả' }).click();
    await htmlMatches(a.page, 'suggestion', true);
    expect(await editorText(a.page)).toContain(accepted.replace('lần thứ VI', 'lần thứ V'));
    expect(await b.page.locator('vk-suggestion-controls .count').count()).toBe(0);
    await screenshot(a.page, 'suggestions-1440-after');
    expect(a.errors, a.errors.join('\n')).toEqual([]);
    expect(b.errors, b.errors.join('\n')).toEqual([]);
  });
});
