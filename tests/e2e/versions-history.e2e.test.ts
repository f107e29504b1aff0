import { describe, expect, it } from 'vitest';
import type { SnapshotList } from '../../shared/api/versions.ts';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { waitForAsync } from '../helpers/wait.ts';
import { writeInSection } from '../server/drafts/draft-text-helpers.ts';
import { createDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('versions panel: automatic history', () => {
  it('lists automatic saves apart, compares one with a numbered draft coloured by author, and names one, at 1440 and 390 px', async () => {
    const server = await bed.start(
      { HISTORY_INTERVAL_MS: '400', HISTORY_QUIET_MS: '200' },
      { clientDir: E2E_CLIENT_DIR },
    );
    const { editor } = server.workspace.users;
    const draftId = await createDraft(server);
    const call = (path: string, body?: unknown) =>
      api(server, `/drafts/${draftId}${path}`, { token: editor.token, body });
    const [an, binh] = [bed.connect(draftId), bed.connect(draftId, { as: 'coeditor' })];
    await Promise.all([an.synced(), binh.synced()]);
    writeInSection(an.doc, 'p1-chi-tieu', 'Tổng thu ngân sách đạt 105% kế hoạch.');
    await waitForAsync(async () => {
      const { sections } = (await (await call('/progress')).json()) as {
        sections: { id: string; words: number }[];
      };
      return (sections.find((s) => s.id === 'p1-chi-tieu')?.words ?? 0) > 0;
    }, 'the first sentence on the server');
    expect((await call('/versions', { note: 'Bản khung' })).status).toBe(201);
    writeInSection(an.doc, 'p1-chi-tieu', ' Thu hút đầu tư tăng mạnh.');
    writeInSection(binh.doc, 'p2-du-bao', 'Tình hình thế giới còn nhiều biến động khó lường.');
    await waitForAsync(async () => {
      const { snapshots } = (await (await call('/snapshots')).json()) as SnapshotList;
      return new Set(snapshots.flatMap((s) => s.editors.map((e) => e.userId))).size === 2;
    }, 'snapshots naming both editors');

    // Screenshots come last in each step: a full-page capture flips the layout's width media
    // queries for a moment, which resets the side panel to its first tab.
    for (const width of [1440, 390]) {
      const { page, errors } = await browser.page(server, { width, height: width > 800 ? 900 : 844 });
      await signInAs(page, server, 'editor');
      await page.goto(`/drafts/${draftId}/versions`);
      await page.getByRole('button', { name: 'So sánh', exact: true }).click();
      await page.locator('.legend').waitFor();
      await screenshot(page, `versions-history-diff-${width}`);

      await page.goto(`/drafts/${draftId}/versions`);
      await page
        .getByRole('button', { name: /^Đặt tên cho / })
        .first()
        .waitFor();
      if (width === 1440) {
        await page
          .getByRole('button', { name: /^Đặt tên cho / })
          .last()
          .click();
        await page.getByLabel('Ghi chú cho Dự thảo lần 2').fill('Bản trước khi họp tiểu ban');
        await page.getByRole('button', { name: 'Lưu thành Dự thảo lần 2' }).click();
        await page.getByText('Bản trước khi họp tiểu ban').waitFor();
      }
      await screenshot(page, `versions-history-${width}`);
      expect(errors, errors.join('\n')).toEqual([]);
    }
  });
});
