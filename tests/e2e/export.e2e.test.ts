import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { waitForAsync } from '../helpers/wait.ts';
import { writeInSection } from '../server/drafts/draft-text-helpers.ts';
import { createDraft, editorText, openDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('export from the draft page', () => {
  it('a drafter exports a Word working copy: the dialog names empty required sections, the file arrives marked as a draft and is listed', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const writer = bed.connect(draftId);
    await writer.synced();
    writeInSection(writer.doc, 'p1-chi-tieu', 'Tổng thu ngân sách đạt 105% kế hoạch.');
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'editor');
    await openDraft(page, draftId);
    await waitForAsync(async () => (await editorText(page)).includes('105%'), 'the text on the page');

    await page.getByRole('button', { name: 'Xuất văn bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất văn bản' });
    await dialog.getByRole('status').filter({ hasText: 'mục bắt buộc còn trống' }).first().waitFor();
    await screenshot(page, 'export-dialog');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Xuất', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('DỰ THẢO');
    expect(xml).toContain('Tổng thu ngân sách đạt 105% kế hoạch.');
    await dialog.getByRole('table').filter({ hasText: 'Word (.docx)' }).waitFor();
    await screenshot(page, 'export-dialog-history');
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
