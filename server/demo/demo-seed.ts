import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../shared/access.ts';
import type { Org } from '../../shared/api/orgs.ts';
import { formatTable } from '../cli/cli-table.ts';
import type { Services } from '../services.ts';
import { randomPassword, type User } from '../users/user.service.ts';
import { seedDemoConsultation } from './demo-consultation.ts';
import { DEMO_DRAFT_TITLE, DEMO_ORGS, DEMO_PEOPLE, PILOT_UNIT } from './demo-data.ts';

/** One demo account and its password in clear text (shown once, then only in the credentials file). */
export interface DemoCredential {
  readonly username: string;
  readonly displayName: string;
  /** Full name of the user's organisation. */
  readonly org: string;
  readonly role: Role;
  readonly password: string;
}

/** Every demo account, in the order they were created. */
export type DemoCredentials = readonly DemoCredential[];

/** Options of the demo seed. */
export interface DemoOptions {
  /** One password for every demo user (VANKIEN_DEMO_PASSWORD); omitted: a random one each. */
  readonly password?: string | undefined;
  /**
   * Also write the draft's text, freeze it and open a round with a few comments (default
   * true). Writing needs the running server's rooms, so the admin CLI leaves the draft empty.
   */
  readonly consultation?: boolean;
}

/** The outline the demo draft is made from. */
const DEMO_TEMPLATE_ID = 'bao-cao-chinh-tri-dang-bo-co-so-2025-2030';

/** The credentials file inside the data directory. */
export function credentialsFile(dataDir: string): string {
  return path.join(dataDir, 'demo-credentials.txt');
}

/**
 * Creates the demo organisation tree, its users and the pilot unit's draft (from the outline,
 * written in, frozen and out for comments) through the services (so the same rules apply as
 * everywhere). Call it on an empty database only.
 */
export async function seedDemo(services: Services, options: DemoOptions = {}): Promise<DemoCredentials> {
  const orgs = new Map<string, Org>();
  const orgOf = (key: string): Org => {
    const org = orgs.get(key);
    if (org === undefined) throw new Error(`demo data: unknown org ${key}`);
    return org;
  };
  for (const o of DEMO_ORGS) {
    const parentId = o.parent === null ? null : orgOf(o.parent).id;
    orgs.set(
      o.key,
      await services.orgs.create({ kind: o.kind, name: o.name, shortName: o.shortName, parentId }),
    );
  }

  const credentials: DemoCredential[] = [];
  let secretary: User | null = null;
  const people = new Map<string, User>();
  for (const person of DEMO_PEOPLE) {
    const org = orgOf(person.org);
    const { user, password } = await services.users.create({
      username: person.username,
      displayName: person.displayName,
      orgId: org.id,
      password: options.password ?? randomPassword(),
      roles: [person.role],
    });
    if (person.org === PILOT_UNIT && person.role === 'secretary') secretary = user;
    people.set(person.username, user);
    credentials.push({ ...person, org: org.name, password, username: user.username });
  }
  if (secretary === null) throw new Error('demo data: the pilot unit has no secretary');
  // From the shipped political-report outline when it is there (the server syncs it before seeding).
  const templates = await services.templates.list();
  const templateId = templates.some((t) => t.id === DEMO_TEMPLATE_ID) ? DEMO_TEMPLATE_ID : undefined;
  const draft = await services.drafts.create(secretary, {
    title: DEMO_DRAFT_TITLE,
    templateId,
    header: {
      superior: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH',
      issuer: 'ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
      congressOrdinal: 6,
      term: '2025-2030',
    },
  });
  if (templateId !== undefined && options.consultation !== false)
    await seedDemoConsultation(services, draft.id, secretary, people);
  return credentials;
}

/**
 * Seeds the demo into a fresh database and writes the credentials file; null (and nothing
 * changed) when the database already has users or organisations, so real data never gets
 * demo organisations mixed into its tree.
 */
export async function seedDemoIfEmpty(
  services: Services,
  dataDir: string,
  options: DemoOptions = {},
): Promise<DemoCredentials | null> {
  if (!(await services.users.isEmpty()) || (await services.orgs.list()).length > 0) return null;
  const credentials = await seedDemo(services, options);
  writeCredentialsFile(dataDir, credentials);
  return credentials;
}

/** The credentials as text: a bilingual warning, then one aligned line per account. */
export function formatCredentials(creds: DemoCredentials): string {
  const header = [
    'vankien — tài khoản dùng thử / demo accounts',
    'Tệp này chứa mật khẩu ở dạng rõ. Hãy xoá tệp sau khi đã giao mật khẩu cho từng người.',
    'This file holds passwords in clear text. Delete it once the passwords have been handed out.',
    '',
  ];
  const rows = [['USERNAME', 'PASSWORD', 'ROLE', 'NAME', 'ORGANISATION']];
  for (const c of creds) rows.push([c.username, c.password, c.role, c.displayName, c.org]);
  return [...header, ...formatTable(rows)].join('\n') + '\n';
}

/** Writes `<dataDir>/demo-credentials.txt`, readable by its owner only (0600); returns its path. */
export function writeCredentialsFile(dataDir: string, creds: DemoCredentials): string {
  const file = credentialsFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // A fresh exclusive create: an old file keeps its old mode, and 'wx' never follows a planted symlink.
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, formatCredentials(creds), { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600); // the mode above only applies on creation and passes through the umask
  return file;
}
