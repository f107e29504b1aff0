import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCliHarness, type CliHarness } from './cli-harness.ts';

let cli: CliHarness;
beforeEach(async () => {
  cli = await openCliHarness();
});
afterEach(async () => {
  await cli.close();
});

/** A bloc with one unit and one sub-branch, made through the CLI itself. */
async function tree(): Promise<{ bloc: number; unit: number; branch: number }> {
  const add = async (...args: string[]) => {
    const result = await cli.run('org', 'add', ...args);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return Number(result.stdout.trim());
  };
  const bloc = await add('--kind', 'bloc', '--name', 'Đảng bộ Khối Các cơ quan tỉnh', '--short', 'ĐBK');
  const unit = await add(
    '--kind',
    'unit',
    '--name',
    'Đảng bộ Sở Tài chính',
    '--short',
    'ĐBSTC',
    '--parent',
    `${bloc}`,
  );
  const branch = await add(
    '--kind',
    'branch',
    '--name',
    'Chi bộ Văn phòng Sở',
    '--short',
    'CBVP',
    '--parent',
    `${unit}`,
  );
  return { bloc, unit, branch };
}

describe('org', () => {
  it('add prints the new id alone and list prints the indented tree', async () => {
    const { bloc, unit, branch } = await tree();
    expect(await cli.services.orgs.get(branch)).toMatchObject({ kind: 'branch', parentId: unit });
    const list = await cli.run('org', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')).toEqual([
      `${bloc} [bloc] ĐBK — Đảng bộ Khối Các cơ quan tỉnh`,
      `  ${unit} [unit] ĐBSTC — Đảng bộ Sở Tài chính`,
      `    ${branch} [branch] CBVP — Chi bộ Văn phòng Sở`,
      '',
    ]);
  });

  it('refuses a kind under the wrong parent with the service message', async () => {
    const { bloc } = await tree();
    const result = await cli.run(
      'org',
      'add',
      '--kind',
      'branch',
      '--name',
      'X',
      '--short',
      'X',
      '--parent',
      `${bloc}`,
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: A branch cannot be placed under a bloc\n',
    });
  });

  it('refuses an unknown kind as a usage error', async () => {
    const result = await cli.run('org', 'add', '--kind', 'club', '--name', 'X', '--short', 'X');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are bloc, unit, branch, mass');
    expect(await cli.services.orgs.list()).toEqual([]);
  });
});

describe('user', () => {
  it('add prints a generated password that signs in, and list shows the user with roles', async () => {
    const { unit } = await tree();
    const added = await cli.run(
      'user',
      'add',
      'an.nv',
      '--name',
      'Nguyễn Văn An',
      '--org',
      `${unit}`,
      '--role',
      'drafter',
      'secretary',
    );
    expect(added.code).toBe(0);
    const password = /^password: (\S{16})$/m.exec(added.stdout)?.[1];
    expect(password).toBeDefined();
    expect(await cli.services.users.verifyCredentials('an.nv', password!)).toMatchObject({
      displayName: 'Nguyễn Văn An',
    });

    const list = await cli.run('user', 'list');
    expect(list.stdout).toMatch(
      new RegExp(`^an\\.nv +Nguyễn Văn An +ĐBSTC \\(${unit}\\) +drafter, secretary$`, 'm'),
    );
  });

  it('add with --password prints no password', async () => {
    const { branch } = await tree();
    const added = await cli.run(
      'user',
      'add',
      'binh',
      '--name',
      'Trần Thị Bình',
      '--org',
      `${branch}`,
      '--password',
      'mat-khau-rat-dai',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).not.toContain('password');
    expect(await cli.services.users.verifyCredentials('binh', 'mat-khau-rat-dai')).not.toBeNull();
  });

  it('list --org shows only that organisation and refuses an unknown one', async () => {
    const { unit, branch } = await tree();
    await cli.run('user', 'add', 'in-unit', '--name', 'Lê Văn Cường', '--org', `${unit}`);
    await cli.run('user', 'add', 'in-branch', '--name', 'Phạm Thị Dung', '--org', `${branch}`);
    const list = await cli.run('user', 'list', '--org', `${branch}`);
    expect(list.stdout).toContain('in-branch');
    expect(list.stdout).not.toContain('in-unit');
    expect(await cli.run('user', 'list', '--org', '999')).toMatchObject({
      code: 1,
      stderr: 'error: No organisation 999\n',
    });
  });

  it('set-role grants a role in another organisation and --revoke takes it away', async () => {
    const { unit, branch } = await tree();
    await cli.run('user', 'add', 'cuong', '--name', 'Lê Văn Cường', '--org', `${unit}`);
    const { id } = await cli.services.users.getByUsername('cuong');

    expect((await cli.run('user', 'set-role', 'cuong', 'commenter', '--org', `${branch}`)).code).toBe(0);
    expect(await cli.services.users.grantsOf(id)).toEqual([{ orgId: branch, role: 'commenter' }]);
    expect((await cli.run('user', 'list')).stdout).toContain(`commenter@CBVP (${branch})`);

    const revoked = await cli.run('user', 'set-role', 'cuong', 'commenter', '--org', `${branch}`, '--revoke');
    expect(revoked.stdout).toContain('revoked commenter of cuong');
    expect(await cli.services.users.grantsOf(id)).toEqual([]);
  });

  it('reset-password prints the new password and ends the sessions', async () => {
    const { unit } = await tree();
    await cli.run(
      'user',
      'add',
      'dung',
      '--name',
      'Phạm Thị Dung',
      '--org',
      `${unit}`,
      '--password',
      'mat-khau-cu-123',
    );
    const { id } = await cli.services.users.getByUsername('dung');
    const session = await cli.services.sessions.start(id);

    const reset = await cli.run('user', 'reset-password', 'dung');
    expect(reset.code).toBe(0);
    const password = /^password: (\S+)$/m.exec(reset.stdout)?.[1] ?? '';
    expect(await cli.services.users.verifyCredentials('dung', password)).not.toBeNull();
    expect(await cli.services.users.verifyCredentials('dung', 'mat-khau-cu-123')).toBeNull();
    expect(await cli.services.sessions.authenticate(session.secret)).toBeNull();
  });

  it('remove deletes the user; removing again names the unknown user', async () => {
    const { unit } = await tree();
    await cli.run('user', 'add', 'em', '--name', 'Hoàng Văn Em', '--org', `${unit}`);
    expect(await cli.run('user', 'remove', 'em')).toMatchObject({ code: 0, stdout: 'removed user em\n' });
    expect(await cli.services.users.list()).toEqual([]);
    expect(await cli.run('user', 'remove', 'em')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: No user em\n',
    });
  });

  it('refuses a taken username and an invalid one', async () => {
    const { unit } = await tree();
    await cli.run('user', 'add', 'an', '--name', 'Nguyễn Văn An', '--org', `${unit}`);
    const again = await cli.run('user', 'add', 'AN', '--name', 'Người khác', '--org', `${unit}`);
    expect(again).toEqual({ code: 1, stdout: '', stderr: 'error: Username an is taken\n' });
    const invalid = await cli.run('user', 'add', 'Nguyễn', '--name', 'X', '--org', `${unit}`);
    expect(invalid).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: Username: /) as string });
  });
});

describe('token', () => {
  it('create prints only a token that authenticates, and revoke ends it', async () => {
    const { unit } = await tree();
    await cli.run('user', 'add', 'script', '--name', 'Tài khoản máy', '--org', `${unit}`);
    const created = await cli.run('token', 'create', 'script', '--name', 'báo cáo', '--expires-days', '30');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^vkt_\S+\n$/);
    const principal = await cli.services.tokens.authenticate(created.stdout.trim());
    const { id: userId } = await cli.services.users.getByUsername('script');
    expect(principal).toMatchObject({ userId, credential: { kind: 'token' } });
    expect(principal?.expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const tokenId = principal!.credential.id;
    expect((await cli.run('token', 'list', 'script')).stdout).toMatch(
      new RegExp(`^${tokenId} +báo cáo `, 'm'),
    );
    expect(await cli.run('token', 'revoke', tokenId)).toMatchObject({
      code: 0,
      stdout: `revoked token ${tokenId}\n`,
    });
    expect(await cli.services.tokens.authenticate(created.stdout.trim())).toBeNull();
    expect(await cli.run('token', 'revoke', tokenId)).toMatchObject({
      code: 1,
      stderr: `error: No token ${tokenId}\n`,
    });
  });

  it('refuses bad ids and lifetimes as usage errors', async () => {
    for (const args of [
      ['token', 'revoke', 'abc'],
      ['token', 'create', 'x', '--expires-days', '0'],
      ['token', 'create', 'x', '--expires-days', '1.5'],
      ['user', 'list', '--org', '12abc'],
    ]) {
      const result = await cli.run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^error: .* is invalid/);
    }
  });
});

describe('demo', () => {
  it('seeds an empty database and prints the accounts, then refuses to seed again', async () => {
    const first = await cli.run('demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^hungtv +\S{16} +secretary +Trần Văn Hùng +Đảng bộ Sở Tài nguyên và Môi trường$/m,
    );
    const users = (await cli.services.users.list()).length;
    expect(await cli.run('demo')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: database is not empty; demo not seeded\n',
    });
    expect(await cli.services.users.list()).toHaveLength(users);
  });
});
