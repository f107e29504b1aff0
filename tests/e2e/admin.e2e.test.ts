import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { useTestbed } from '../helpers/testbed.ts';

const bed = useTestbed();
const browser = useBrowser();

async function addOrg(server: TestServer, body: object): Promise<void> {
  const response = await api(server, '/orgs', {
    token: server.workspace.users.reader.token,
    origin: server.browserUrl,
    body,
  });
  if (response.status !== 201)
    throw new Error(`org not created: ${response.status} ${await response.text()}`);
}

describe('administration in the web client', () => {
  it('a bloc admin sees each sub-branch under its own unit, and grants and revokes a role in the page', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { orgs } = server.workspace;
    // Created after the other unit: listed by id, this branch would follow that unit's own branch.
    await addOrg(server, {
      kind: 'branch',
      name: 'Chi bộ Thanh tra Sở Khác',
      shortName: 'CBTTK',
      parentId: orgs.otherUnit,
    });
    await addOrg(server, {
      kind: 'branch',
      name: 'Chi bộ Phòng Đất đai',
      shortName: 'CBĐĐ',
      parentId: orgs.unit,
    });
    const { page, errors } = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(page, server, 'reader');
    await page.goto('/admin');
    const item = page.locator('vk-admin-page nav li', {
      has: page.locator(':scope > .name', { hasText: 'Chi bộ Phòng Đất đai' }),
    });
    await item.waitFor();
    const parentName = await item.evaluate(
      (li) => li.parentElement?.closest('li')?.querySelector(':scope > .name')?.textContent,
    );
    expect(parentName).toBe('Đảng bộ Sở Thử nghiệm');

    const users = page.locator('vk-users-admin');
    const row = users.locator('tbody tr', { has: page.locator('td', { hasText: /^commenter$/ }) });
    await row.locator('form.grant select[name="role"]').selectOption('drafter');
    await row.getByRole('button', { name: 'Cấp vai trò' }).click();
    await users.getByText('Đã cấp vai trò Tiểu ban văn kiện (CBVP) cho commenter.').waitFor();
    await row.locator('.role', { hasText: 'Tiểu ban văn kiện (CBVP)' }).waitFor();
    await screenshot(page, 'admin-1440');
    await row.getByRole('button', { name: 'Thu hồi vai trò Tiểu ban văn kiện (CBVP)' }).click();
    await users.getByText('Đã thu hồi vai trò Tiểu ban văn kiện (CBVP) của commenter.').waitFor();
    expect(await row.locator('.role', { hasText: 'Tiểu ban văn kiện' }).count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-390');
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('a secretary who opens /admin is told plainly it is not theirs, with no form to fail', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page, errors } = await browser.page(server, { width: 390, height: 844 });
    await signInAs(page, server, 'secretary');
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByText('Bạn không có quyền quản trị.').waitFor();
    expect(await page.locator('vk-admin-page form, vk-users-admin').count()).toBe(0);
    await screenshot(page, 'admin-denied-390');
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it("a unit's drafter creating a draft gets the unit's templates first and the issuer lines filled in", async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page, errors } = await browser.page(server, { width: 1440, height: 900 });
    await signInAs(page, server, 'editor');
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const dialog = page.locator('vk-create-draft-dialog');
    await expect
      .poll(() => dialog.locator('select[name="templateId"]').locator('option').count())
      .toBeGreaterThan(1);
    const first = await dialog.locator('select[name="templateId"]').inputValue();
    expect(first).not.toContain('chi-bo');
    expect(await dialog.getByLabel('Cấp trên').inputValue()).toBe('ĐẢNG BỘ KHỐI THỬ NGHIỆM');
    expect(await dialog.getByLabel('Cơ quan ban hành').inputValue()).toBe('ĐẢNG BỘ SỞ THỬ NGHIỆM');
    await screenshot(page, 'create-draft-1440');
    await dialog.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.waitForURL(/\/drafts\//);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
