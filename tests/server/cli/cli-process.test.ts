import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCliHarness, type CliHarness } from './cli-harness.ts';

// Each spawn costs about a second (tsx compiles the entry), so these tests share one data
// directory and check what only the real process shows: exit codes, stdout, stderr.
let cli: CliHarness;
beforeAll(async () => {
  cli = await openCliHarness();
});
afterAll(async () => {
  await cli.close();
});

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

it('adds an organisation and a user, and creates a token that authenticates', async () => {
  const org = await cli.spawn(
    'org',
    'add',
    '--kind',
    'bloc',
    '--name',
    'Đảng bộ Khối Các cơ quan tỉnh',
    '--short',
    'ĐBK',
  );
  expect(org).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });

  const user = await cli.spawn(
    'user',
    'add',
    'hantt',
    '--name',
    'Nguyễn Thị Thu Hà',
    '--org',
    '1',
    '--role',
    'admin',
  );
  expect(user.code).toBe(0);
  const password = /^password: (\S{16})$/m.exec(user.stdout)?.[1] ?? '';
  expect(await cli.services.users.verifyCredentials('hantt', password)).toMatchObject({
    displayName: 'Nguyễn Thị Thu Hà',
  });

  const token = await cli.spawn('token', 'create', 'hantt');
  expect(token.code).toBe(0);
  expect(token.stdout).toMatch(/^vkt_\S+\n$/);
  expect(await cli.services.tokens.authenticate(token.stdout.trim())).not.toBeNull();
});

it('exits 1 with one error line for unknown and duplicate usernames', async () => {
  const [unknown, duplicate] = await Promise.all([
    cli.spawn('user', 'remove', 'nobody'),
    cli.spawn('user', 'add', 'hantt', '--name', 'Người khác', '--org', '1'),
  ]);
  expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'error: No user nobody\n' });
  expect(duplicate).toEqual({ code: 1, stdout: '', stderr: 'error: Username hantt is taken\n' });
});

it('exits 2 with a clear message for usage errors', async () => {
  const [unknownCommand, missingOption, badOrg] = await Promise.all([
    cli.spawn('frobnicate'),
    cli.spawn('user', 'add', 'someone', '--org', '1'),
    cli.spawn('user', 'add', 'someone', '--name', 'Ai đó', '--org', 'abc'),
  ]);
  expect(unknownCommand.code).toBe(2);
  expect(unknownCommand.stderr).toContain("error: unknown command 'frobnicate'");
  expect(missingOption.code).toBe(2);
  expect(missingOption.stderr).toContain("error: required option '--name <display name>' not specified");
  expect(badOrg.code).toBe(2);
  expect(badOrg.stderr).toContain("error: option '--org <id>' argument 'abc' is invalid.");
  for (const result of [unknownCommand, missingOption, badOrg]) noStackTrace(result.stderr);
  expect(await cli.services.users.list()).toHaveLength(1);
});
