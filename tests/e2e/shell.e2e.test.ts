import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, signInAs, useBrowser } from '../helpers/browser.ts';
import { api } from '../helpers/http-client.ts';
import { useTestbed } from '../helpers/testbed.ts';

const bed = useTestbed();
const browser = useBrowser();

describe('the web client shell', () => {
  it('signs in, shows who is signed in and the drafts grouped by status, and signs out', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    await api(server, '/drafts', {
      token: server.workspace.users.editor.token,
      origin: server.browserUrl,
      body: { templateId: 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030' },
    });
    const { page, errors } = await browser.page(server);
    await page.goto('/');
    await screenshot(page, 'sign-in');
    await signInAs(page, server, 'editor');
    await page.getByText('Nguyễn Văn An').waitFor();
    await page.getByText('Đảng bộ Sở Thử nghiệm · Tiểu ban văn kiện').waitFor();
    await page.getByRole('heading', { name: 'Đang soạn thảo' }).waitFor();
    await page.getByRole('link', { name: /BÁO CÁO CHÍNH TRỊ/ }).waitFor();
    await screenshot(page, 'home');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('says a wrong password is wrong without saying which part', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page } = await browser.page(server);
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('editor');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('switches to English and remembers it', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'editor');
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, 'home-en');
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('serves a friendly page for an unknown path, and hashed assets with a long cache', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page } = await browser.page(server);
    await signInAs(page, server, 'editor');
    await page.goto('/khong-co-trang-nay');
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    const html = await (await fetch(`${server.httpUrl}/`, { headers: { accept: 'text/html' } })).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const response = await fetch(`${server.httpUrl}${asset}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // API paths never fall back to the page.
    expect((await fetch(`${server.httpUrl}/api/nope`, { headers: { accept: 'text/html' } })).status).toBe(
      404,
    );
  });
});

describe('administration', () => {
  it('a bloc admin adds a user from the admin page and sees the one-time password', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const { page, errors } = await browser.page(server);
    await signInAs(page, server, 'reader');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Người dùng và vai trò' }).waitFor();
    const form = page.locator('vk-users-admin form.create');
    await form.getByLabel('Tên đăng nhập').fill('tranvanhai');
    await form.getByLabel('Họ và tên').fill('Trần Văn Hải');
    await form.getByLabel('Tổ chức').selectOption({ label: 'Chi bộ Văn phòng' });
    await form.getByLabel('Góp ý').check();
    await form.getByRole('button', { name: 'Thêm' }).click();
    const notice = page.getByRole('status');
    await notice.waitFor();
    const password = /: (\S{16})$/.exec((await notice.textContent())?.trim() ?? '')?.[1];
    expect(password).toBeDefined();
    await page.getByRole('cell', { name: 'tranvanhai' }).waitFor();
    await page.getByRole('heading', { name: 'Đề cương', exact: true }).waitFor();
    await screenshot(page, 'admin');
    const signIn = await api(server, '/auth/sign-in', {
      origin: server.browserUrl,
      body: { username: 'tranvanhai', password },
    });
    expect(signIn.status).toBe(200);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
