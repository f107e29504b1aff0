import { describe, expect, it } from 'vitest';
import { api } from '../../helpers/http-client.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const apps = useTestApp();
type Users = { users: { username: string; roles: { orgId: number; role: string }[] }[] };

describe('administration over REST', () => {
  it('a bloc admin creates a user with a one-time password, grants and revokes roles, resets and removes', async () => {
    const server = await apps.start();
    const admin = server.workspace.users.reader.token;
    const { branch } = server.workspace.orgs;
    const created = await api(server, '/users', {
      token: admin,
      body: { username: 'NguyenThiHoa', displayName: 'Nguyễn Thị Hoa', orgId: branch, roles: ['commenter'] },
    });
    expect(created.status).toBe(201);
    const { user, password } = (await created.json()) as { user: { username: string }; password: string };
    expect(user.username).toBe('nguyenthihoa');
    expect(password).toHaveLength(16);
    const signIn = await api(server, '/auth/sign-in', { body: { username: 'nguyenthihoa', password } });
    expect(signIn.status).toBe(200);

    const granted = await api(server, '/users/nguyenthihoa/roles', {
      token: admin,
      body: { orgId: branch, role: 'drafter', granted: true },
    });
    expect(((await granted.json()) as { roles: { role: string }[] }).roles.map((r) => r.role).sort()).toEqual(
      ['commenter', 'drafter'],
    );
    const list = (await (await api(server, '/users', { token: admin })).json()) as Users;
    expect(list.users.map((u) => u.username)).toContain('nguyenthihoa');

    const reset = await api(server, '/users/nguyenthihoa/password', {
      token: admin,
      method: 'POST',
      body: {},
    });
    const fresh = ((await reset.json()) as { password: string }).password;
    expect(fresh).not.toBe(password);
    expect(
      (await api(server, '/auth/sign-in', { body: { username: 'nguyenthihoa', password } })).status,
    ).toBe(401);
    expect((await api(server, '/users/nguyenthihoa', { token: admin, method: 'DELETE' })).status).toBe(204);
    expect(
      (await api(server, '/auth/sign-in', { body: { username: 'nguyenthihoa', password: fresh } })).status,
    ).toBe(401);
  });

  it('keeps administrators inside their own subtree and everyone else out', async () => {
    const server = await apps.start();
    const { unit, otherUnit } = server.workspace.orgs;
    const { editor, reader } = server.workspace.users;
    // A drafter is no administrator.
    const notAdmin = await api(server, '/users', {
      token: editor.token,
      body: { username: 'x-user', displayName: 'X', orgId: unit, roles: [] },
    });
    expect(notAdmin.status).toBe(403);
    expect(((await (await api(server, '/users', { token: editor.token })).json()) as Users).users).toEqual(
      [],
    );
    // A unit admin cannot reach the other unit.
    await server.app.services.users.setRole('coeditor', unit, 'admin', true);
    const coeditor = server.workspace.users.coeditor.token;
    const outside = await api(server, '/users/outsider/roles', {
      token: coeditor,
      body: { orgId: otherUnit, role: 'drafter', granted: false },
    });
    expect(outside.status).toBe(403);
    const org = await api(server, '/orgs', {
      token: coeditor,
      body: { kind: 'branch', name: 'Chi bộ Phòng Kế hoạch', shortName: 'CBKH', parentId: otherUnit },
    });
    expect(org.status).toBe(403);
    const own = await api(server, '/orgs', {
      token: coeditor,
      body: { kind: 'branch', name: 'Chi bộ Phòng Kế hoạch', shortName: 'CBKH', parentId: unit },
    });
    expect(own.status).toBe(201);
    expect((await api(server, '/users/reader', { token: reader.token, method: 'DELETE' })).status).toBe(400);
  });
});
