import { describe, expect, it } from 'vitest';
import { api, cookieOf, signIn } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';

const bed = useTestbed();

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie on path / and answers with the user', async () => {
    const server = await bed.start();
    const response = await api(server, '/auth/sign-in', {
      body: { username: 'editor', password: server.workspace.password },
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vk_sid=s_[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain-http deployment
    const body = (await response.json()) as {
      user: { username: string; org: { name: string } };
      roles: unknown[];
    };
    expect(body.user.username).toBe('editor');
    expect(body.user.org.name).toBe('Đảng bộ Sở Thử nghiệm');
    expect(body.roles).toEqual([{ orgId: server.workspace.orgs.unit, role: 'drafter' }]);
  });

  it('over https the cookie is Secure and __Host- prefixed', async () => {
    const server = await bed.start({ PUBLIC_URL: 'https://vankien.test' });
    const response = await api(server, '/auth/sign-in', {
      origin: 'https://vankien.test',
      body: { username: 'editor', password: server.workspace.password },
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-vk_sid=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).not.toMatch(/Domain=/);
  });

  it('gives a new session id on every sign-in, and the session answers /api/auth/session', async () => {
    const server = await bed.start();
    const first = await signIn(server, 'editor');
    const second = await signIn(server, 'editor');
    expect(first).not.toBe(second);
    const me = await api(server, '/auth/session', { cookie: second });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('editor');
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const server = await bed.start();
    const wrongPassword = await api(server, '/auth/sign-in', {
      body: { username: 'editor', password: 'sai-mat-khau' },
    });
    const unknownUser = await api(server, '/auth/sign-in', {
      body: { username: 'khong-co', password: 'sai-mat-khau' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownUser.json());
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('refuses repeated wrong passwords with 429 and Retry-After, even when the right one follows', async () => {
    const server = await bed.start({ LOGIN_MAX_FAILURES: '3' });
    const attempt = (password: string) =>
      api(server, '/auth/sign-in', { body: { username: 'editor', password } });
    for (let i = 0; i < 3; i++) expect((await attempt('sai-mat-khau')).status).toBe(401);
    const limited = await attempt(server.workspace.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    // Another account from the same address is not locked out by this one's failures.
    expect(
      (
        await api(server, '/auth/sign-in', {
          body: { username: 'coeditor', password: server.workspace.password },
        })
      ).status,
    ).toBe(200);
  });

  it('rejects a malformed body with 400 and a stable code', async () => {
    const server = await bed.start();
    const response = await api(server, '/auth/sign-in', { body: { username: 'editor' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('signing out ends the session server-side and clears the cookie', async () => {
    const server = await bed.start();
    const cookie = await signIn(server, 'editor');
    const out = await api(server, '/auth/sign-out', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^vk_sid=$/);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(401);
  });

  it('ends a session after its absolute lifetime', async () => {
    const clock = new ManualClock();
    const server = await bed.start(
      {},
      { clock, tune: (config) => ({ ...config, auth: { ...config.auth, sessionAbsoluteMs: 300 } }) },
    );
    const cookie = await signIn(server, 'editor');
    clock.advance(299);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(200);
    clock.advance(1);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(401);
  });

  it('ends a session that was idle too long', async () => {
    const clock = new ManualClock();
    const server = await bed.start(
      {},
      { clock, tune: (config) => ({ ...config, auth: { ...config.auth, sessionIdleMs: 300 } }) },
    );
    const cookie = await signIn(server, 'editor');
    clock.advance(299);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(200);
    clock.advance(1);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request from a foreign Origin, without one, or not as JSON', async () => {
    const server = await bed.start();
    const body = { username: 'editor', password: server.workspace.password };
    const foreign = await api(server, '/auth/sign-in', { body, origin: 'https://evil.example' });
    const missing = await api(server, '/auth/sign-in', { body, origin: null });
    const form = await api(server, '/auth/sign-in', { body: 'username=editor', contentType: 'text/plain' });
    for (const response of [foreign, missing, form]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
    }
    const cookie = await signIn(server, 'editor');
    const crossSiteSignOut = await api(server, '/auth/sign-out', {
      method: 'POST',
      cookie,
      origin: 'https://evil.example',
    });
    expect(crossSiteSignOut.status).toBe(403);
    expect((await api(server, '/auth/session', { cookie })).status).toBe(200);
  });

  it('lets token-authenticated API clients post without an Origin', async () => {
    const server = await bed.start();
    const response = await api(server, '/drafts', {
      body: { title: 'Dự thảo Báo cáo chính trị' },
      token: server.workspace.users.editor.token,
      origin: null,
    });
    expect(response.status).toBe(201);
  });
});
