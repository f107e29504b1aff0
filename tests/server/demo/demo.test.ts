import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { displayWidth } from '../../../server/cli/cli-table.ts';
import {
  credentialsFile,
  formatCredentials,
  seedDemoIfEmpty,
  writeCredentialsFile,
  type DemoCredentials,
} from '../../../server/demo/demo-seed.ts';
import { openCliHarness, type CliHarness } from '../cli/cli-harness.ts';

let h: CliHarness;
beforeEach(async () => {
  h = await openCliHarness();
});
afterEach(async () => {
  await h.close();
});

/** Each user's org and roles, as `kind:shortName:role` of the org each role is held in. */
async function rolesByUser(): Promise<Map<string, string[]>> {
  const orgs = new Map((await h.services.orgs.list()).map((o) => [o.id, o]));
  const result = new Map<string, string[]>();
  for (const user of await h.services.users.list()) {
    const grants = await h.services.users.grantsOf(user.id);
    expect(grants.every((g) => g.orgId === user.orgId)).toBe(true);
    result.set(
      user.username,
      grants.map((g) => `${orgs.get(g.orgId)?.kind}:${orgs.get(g.orgId)?.shortName}:${g.role}`),
    );
  }
  return result;
}

it('seeds the bloc, the pilot unit with its sub-branches and mass organisations, and every role', async () => {
  const creds = await seedDemoIfEmpty(h.services, h.dataDir);
  expect(creds).not.toBeNull();

  const orgs = await h.services.orgs.list();
  const bloc = orgs.find((o) => o.name === 'Đảng bộ Khối Các cơ quan tỉnh');
  const pilot = orgs.find((o) => o.name === 'Đảng bộ Sở Tài nguyên và Môi trường');
  expect(bloc).toMatchObject({ kind: 'bloc', shortName: 'ĐBK', parentId: null });
  expect(pilot).toMatchObject({ kind: 'unit', parentId: bloc?.id });
  const under = (parentId: number | undefined, kind: string) =>
    orgs.filter((o) => o.parentId === parentId && o.kind === kind);
  expect(under(bloc?.id, 'unit').length).toBeGreaterThanOrEqual(4);
  const branches = under(pilot?.id, 'branch');
  const mass = under(pilot?.id, 'mass');
  expect(branches.length).toBeGreaterThanOrEqual(4);
  expect(mass.map((o) => o.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Công đoàn/), expect.stringMatching(/^Đoàn Thanh niên/)]),
  );

  const roles = [...(await rolesByUser()).values()].flat();
  expect(roles).toContain('bloc:ĐBK:admin');
  expect(roles.filter((r) => r === 'unit:ĐBSTNMT:secretary')).toHaveLength(1);
  expect(roles.filter((r) => r === 'unit:ĐBSTNMT:drafter')).toHaveLength(3);
  for (const org of [...branches, ...mass]) expect(roles).toContain(`${org.kind}:${org.shortName}:commenter`);
  const other = roles.filter((r) => r.startsWith('unit:') && !r.includes('ĐBSTNMT'));
  expect(other.map((r) => r.split(':')[2]).sort()).toEqual(['drafter', 'secretary']);

  // The secretary's pilot draft exists, empty, in the pilot unit.
  const secretary = creds!.find((c) => c.role === 'secretary' && c.org === pilot?.name)!;
  const { id } = await h.services.users.getByUsername(secretary.username);
  const drafts = await h.services.drafts.list(id);
  expect(drafts).toHaveLength(1);
  expect(drafts[0]).toMatchObject({
    orgId: pilot?.id,
    title: expect.stringContaining('Báo cáo chính trị') as string,
  });
});

it('writes an owner-only credentials file naming every account, and a second call changes nothing', async () => {
  const creds = (await seedDemoIfEmpty(h.services, h.dataDir))!;
  const file = credentialsFile(h.dataDir);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toBe(formatCredentials(creds));
  expect(text).toMatch(/xoá tệp/);
  expect(text).toMatch(/Delete it/);
  const users = await h.services.users.list();
  expect(users.map((u) => u.username).sort()).toEqual(creds.map((c) => c.username).sort());
  for (const c of creds) expect(text).toContain(`${c.username} `);

  const before = { users: users.length, orgs: (await h.services.orgs.list()).length, text };
  expect(await seedDemoIfEmpty(h.services, h.dataDir)).toBeNull();
  expect({
    users: (await h.services.users.list()).length,
    orgs: (await h.services.orgs.list()).length,
    text: fs.readFileSync(file, 'utf8'),
  }).toEqual(before);
});

it('with a given password every demo user signs in with it', async () => {
  const password = 'mat-khau-dung-thu';
  const creds = (await seedDemoIfEmpty(h.services, h.dataDir, { password }))!;
  expect(creds.every((c) => c.password === password)).toBe(true);
  const signedIn = await Promise.all(
    creds.map((c) => h.services.users.verifyCredentials(c.username, password)),
  );
  expect(signedIn.map((u) => u?.username)).toEqual(creds.map((c) => c.username));
});

it('does not seed into a database that has organisations but no users yet', async () => {
  await h.services.orgs.create({ kind: 'bloc', name: 'Đảng bộ Khối thật', shortName: 'ĐBK', parentId: null });
  expect(await seedDemoIfEmpty(h.services, h.dataDir)).toBeNull();
  expect(await h.services.orgs.list()).toHaveLength(1);
  expect(fs.existsSync(credentialsFile(h.dataDir))).toBe(false);
});

it('aligns the columns by what the terminal shows, and replaces a laxer old file', () => {
  const creds: DemoCredentials = [
    { username: 'a', displayName: 'Nguyễn Văn An', org: 'Đảng bộ A', role: 'drafter', password: 'p1234567' },
    // Decomposed (NFD) diacritics take more code units but the same columns.
    {
      username: 'bb',
      displayName: 'Trần Thị Bình'.normalize('NFD'),
      org: 'Chi bộ B',
      role: 'admin',
      password: 'p7654321',
    },
  ];
  const text = formatCredentials(creds);
  const offsets = creds.map((c) => {
    const line = text.split('\n').find((l) => l.startsWith(`${c.username} `))!;
    return displayWidth(line.slice(0, line.indexOf(c.org)));
  });
  expect(offsets[0]).toBe(offsets[1]);

  fs.writeFileSync(credentialsFile(h.dataDir), 'old', { mode: 0o644 });
  writeCredentialsFile(h.dataDir, creds);
  expect(fs.statSync(credentialsFile(h.dataDir)).mode & 0o777).toBe(0o600);
  expect(fs.readFileSync(credentialsFile(h.dataDir), 'utf8')).toBe(text);
});
