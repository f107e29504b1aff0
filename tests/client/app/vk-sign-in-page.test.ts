import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SessionInfo } from '../../../shared/api/auth.ts';
import { SignedInEvent } from '../../../client/app/vk-sign-in-page.ts';
import {
  captureEvents,
  deferred,
  eventually,
  find,
  findAll,
  json,
  mount,
  stubFetch,
  textOf,
} from '../fixture.ts';

/** What `POST /api/auth/sign-in` answers for a drafter of a grassroots unit. */
const SESSION: SessionInfo = {
  user: {
    id: 7,
    username: 'nguyen.van.an',
    displayName: 'Nguyễn Văn An',
    org: {
      id: 3,
      kind: 'unit',
      name: 'Đảng bộ Sở Tài nguyên và Môi trường',
      shortName: 'ĐB Sở TN&MT',
      parentId: 1,
    },
  },
  roles: [{ orgId: 3, role: 'drafter' }],
  expiresAt: '2026-06-01T08:00:00.000Z',
};

const invalidCredentials = () =>
  json(401, { error: { code: 'invalid_credentials', message: 'invalid username or password' } });

async function signInPage() {
  const page = await mount('vk-sign-in-page');
  const signedIn = captureEvents(SignedInEvent.type);
  return {
    page,
    signedIn,
    username: find<HTMLInputElement>(page, 'input[name="username"]'),
    password: find<HTMLInputElement>(page, 'input[name="password"]'),
    button: find<HTMLButtonElement>(page, 'button[type="submit"]'),
    alert: () => findAll(page, '[role="alert"]').map(textOf).join(''),
  };
}

describe('vk-sign-in-page', () => {
  it('asks for both username and password when the form is sent empty, and sends nothing', async () => {
    const sent = stubFetch(() => undefined);
    const { page, button, alert, signedIn } = await signInPage();

    await userEvent.click(button);
    await page.updateComplete;

    expect(alert()).toBe('Nhập tên đăng nhập và mật khẩu.');
    expect(sent).toEqual([]);
    expect(signedIn).toEqual([]);
  });

  it('treats a username of only spaces as missing', async () => {
    const sent = stubFetch(() => undefined);
    const { page, username, password, alert } = await signInPage();

    await userEvent.fill(username, '   ');
    await userEvent.fill(password, 'secret');
    await userEvent.keyboard('{Enter}');
    await page.updateComplete;

    expect(alert()).toBe('Nhập tên đăng nhập và mật khẩu.');
    expect(sent).toEqual([]);
  });

  it('posts the trimmed username and the password as JSON and announces the session', async () => {
    const sent = stubFetch(() => json(200, SESSION));
    const { username, password, signedIn, alert } = await signInPage();

    await userEvent.fill(username, '  nguyen.van.an ');
    await userEvent.fill(password, ' mật khẩu có dấu ');
    await userEvent.keyboard('{Enter}');

    await eventually(() => expect(signedIn).toHaveLength(1));
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/auth/sign-in');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.credentials).toBe('same-origin');
    // The password is sent exactly as typed: spaces can be part of it.
    expect(request?.body).toEqual({ username: 'nguyen.van.an', password: ' mật khẩu có dấu ' });
    expect(signedIn[0]).toBeInstanceOf(SignedInEvent);
    expect(signedIn[0]?.session).toEqual(SESSION);
    expect(alert()).toBe('');
  });

  it('disables the button and says it is signing in while the server answers', async () => {
    const answer = deferred<Response>();
    stubFetch(() => answer.promise);
    const { page, username, password, button, signedIn } = await signInPage();

    await userEvent.fill(username, 'nguyen.van.an');
    await userEvent.fill(password, 'secret');
    await userEvent.click(button);
    await eventually(() => expect(button.disabled).toBe(true));
    expect(textOf(button)).toBe('Đang đăng nhập…');

    answer.resolve(json(200, SESSION));
    await eventually(() => expect(signedIn).toHaveLength(1));
    await page.updateComplete;
    expect(button.disabled).toBe(false);
    expect(textOf(button)).toBe('Đăng nhập');
  });

  it('says the credentials are wrong without saying which one, and lets the user try again', async () => {
    stubFetch(invalidCredentials);
    const { page, username, password, button, alert, signedIn } = await signInPage();

    await userEvent.fill(username, 'nguyen.van.an');
    await userEvent.fill(password, 'wrong');
    await userEvent.click(button);

    await eventually(() => expect(alert()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.'));
    await page.updateComplete;
    expect(signedIn).toEqual([]);
    expect(button.disabled).toBe(false);
  });

  it('asks the user to wait after too many attempts', async () => {
    stubFetch(() => json(429, { error: { code: 'too_many_requests', message: 'slow down' } }));
    const { username, password, button, alert } = await signInPage();

    await userEvent.fill(username, 'nguyen.van.an');
    await userEvent.fill(password, 'wrong');
    await userEvent.click(button);

    await eventually(() =>
      expect(alert()).toBe('Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.'),
    );
  });

  it('says the server cannot be reached when the request never gets an answer', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { username, password, button, alert, signedIn } = await signInPage();

    await userEvent.fill(username, 'nguyen.van.an');
    await userEvent.fill(password, 'secret');
    await userEvent.click(button);

    await eventually(() => expect(alert()).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'));
    expect(signedIn).toEqual([]);
  });

  it('clears the previous error when the next attempt succeeds', async () => {
    let attempts = 0;
    stubFetch(() => (++attempts === 1 ? invalidCredentials() : json(200, SESSION)));
    const { username, password, button, alert, signedIn } = await signInPage();

    await userEvent.fill(username, 'nguyen.van.an');
    await userEvent.fill(password, 'wrong');
    await userEvent.click(button);
    await eventually(() => expect(alert()).not.toBe(''));

    await userEvent.fill(password, 'right');
    await userEvent.click(button);
    await eventually(() => expect(signedIn).toHaveLength(1));
    expect(alert()).toBe('');
  });
});
