import { describe, expect, it } from 'vitest';
import { signIn } from '../../helpers/http-client.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const apps = useTestApp();
const FOREIGN = 'https://evil.example';

/** A PATCH of a draft's title with exactly these headers. */
async function rename(server: TestApp, room: string, headers: Record<string, string>, title: string) {
  return server.fetch(`${server.httpUrl}/api/drafts/${room}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title }),
  });
}

async function titleOf(server: TestApp, room: string): Promise<string> {
  const response = await server.fetch(`${server.httpUrl}/api/drafts/${room}`, {
    headers: { authorization: `Bearer ${server.workspace.users.editor.token}` },
  });
  return ((await response.json()) as { title: string }).title;
}

describe('CSRF guard and credentials', () => {
  it('refuses a cookie request from a foreign Origin even when it carries Authorization: Basic', async () => {
    const server = await apps.start();
    const room = server.workspace.draft('basic-bypass');
    const before = await titleOf(server, room);
    const cookie = await signIn(server, 'editor');
    const response = await rename(
      server,
      room,
      { cookie, authorization: 'Basic eDp4', origin: FOREIGN },
      'Đổi tên từ trang lạ',
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
    expect(await titleOf(server, room)).toBe(before);
  });

  it('lets a valid bearer token through from a foreign Origin', async () => {
    const server = await apps.start();
    const room = server.workspace.draft('token-foreign');
    const response = await rename(
      server,
      room,
      { authorization: `Bearer ${server.workspace.users.editor.token}`, origin: FOREIGN },
      'Đổi tên bằng token',
    );
    expect(response.status).toBe(200);
    expect(await titleOf(server, room)).toBe('Đổi tên bằng token');
  });

  it('answers an invalid bearer token with 401 instead of falling back to the session cookie', async () => {
    const server = await apps.start();
    const room = server.workspace.draft('token-invalid');
    const before = await titleOf(server, room);
    const cookie = await signIn(server, 'editor');
    for (const origin of [FOREIGN, 'http://vankien.test']) {
      const response = await rename(
        server,
        room,
        { cookie, authorization: 'Bearer not-a-token', origin },
        'Đổi tên bằng token sai',
      );
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    expect(await titleOf(server, room)).toBe(before);
  });
});
