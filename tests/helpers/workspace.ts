import BetterSqlite3 from 'better-sqlite3';
import { applyPragmas } from '../../server/db/sqlite.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createServices } from '../../server/services.ts';
import { systemClock } from '../../server/time/clock.ts';
import { databaseFile, openConfiguredDatabase } from '../../server/db/database.ts';
import { psqlSync } from './test-database.ts';

/** The people of the test workspace, one per kind of access. */
export type Persona =
  'editor' | 'coeditor' | 'reader' | 'commenter' | 'commenter2' | 'youth' | 'outsider' | 'secretary';

/** A seeded organisation tree with a user and API token per persona, and drafts made on demand. */
export interface Workspace {
  readonly orgs: {
    readonly bloc: number;
    readonly unit: number;
    readonly branch: number;
    readonly branch2: number;
    readonly mass: number;
    readonly otherUnit: number;
  };
  readonly users: Record<Persona, { readonly id: number; readonly username: string; readonly token: string }>;
  /** The password of every persona. */
  readonly password: string;
  /** Makes sure a draft with this id exists (in the unit, unless `orgId`); synchronous, so call sites stay simple. */
  draft(id: string, orgId?: number): string;
  /** Closes the workspace's database handle. */
  close(): void;
}

/** Test-only auth settings: real values would make the expiry tests take hours. */
export const TEST_AUTH = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  sessionRotationGraceMs: 60_000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
};

/**
 * Seeds the workspace into `<dataDir>/vankien.db` through the real services: a bloc, a unit
 * with a branch, and another unit. editor and coeditor draft for the unit; reader is the
 * bloc's admin; commenter and commenter2 comment for two branches, youth for the unit's
 * mass organisation; outsider drafts for the other unit; secretary is the unit's secretary.
 */
export async function seedWorkspace(dataDir: string, databaseUrl?: string): Promise<Workspace> {
  const database = openConfiguredDatabase({ url: databaseUrl, poolSize: 2, dataDir });
  const migration = await migrateToLatest(database.db);
  if (migration.error !== undefined) throw migration.error as Error;
  const services = createServices(database.db, TEST_AUTH, { clock: systemClock });
  const password = 'mat-khau-thu-nghiem';
  const org = (
    kind: Parameters<typeof services.orgs.create>[0]['kind'],
    name: string,
    shortName: string,
    parentId: number | null,
  ) => services.orgs.create({ kind, name, shortName, parentId });
  const bloc = await org('bloc', 'Đảng bộ Khối thử nghiệm', 'ĐBK', null);
  const unit = await org('unit', 'Đảng bộ Sở Thử nghiệm', 'ĐBS', bloc.id);
  const branch = await org('branch', 'Chi bộ Văn phòng', 'CBVP', unit.id);
  const branch2 = await org('branch', 'Chi bộ Phòng Kế hoạch', 'CBKH', unit.id);
  const mass = await org('mass', 'Đoàn Thanh niên Sở', 'ĐTN', unit.id);
  const otherUnit = await org('unit', 'Đảng bộ Sở Khác', 'ĐBK2', bloc.id);
  const people: [Persona, string, number, 'drafter' | 'admin' | 'commenter' | 'secretary'][] = [
    ['editor', 'Nguyễn Văn An', unit.id, 'drafter'],
    ['coeditor', 'Trần Thị Bình', unit.id, 'drafter'],
    ['reader', 'Lê Văn Cường', bloc.id, 'admin'],
    ['commenter', 'Phạm Thị Dung', branch.id, 'commenter'],
    ['commenter2', 'Vũ Văn Giang', branch2.id, 'commenter'],
    ['youth', 'Đỗ Thị Hoa', mass.id, 'commenter'],
    ['outsider', 'Hoàng Văn Em', otherUnit.id, 'drafter'],
    ['secretary', 'Bùi Văn Khánh', unit.id, 'secretary'],
  ];
  const users = {} as Record<Persona, { id: number; username: string; token: string }>;
  for (const [persona, displayName, orgId, role] of people) {
    const { user } = await services.users.create({
      username: persona,
      displayName,
      orgId,
      password,
      roles: [role],
    });
    const { token } = await services.tokens.create(user.id, 'tests');
    users[persona] = { id: user.id, username: user.username, token };
  }
  await database.close();

  const drafts = databaseUrl === undefined ? sqliteDrafts(dataDir) : postgresDrafts(databaseUrl);
  return {
    orgs: {
      bloc: bloc.id,
      unit: unit.id,
      branch: branch.id,
      branch2: branch2.id,
      mass: mass.id,
      otherUnit: otherUnit.id,
    },
    users,
    password,
    draft(id, orgId = unit.id) {
      drafts.insert(id, orgId, users.editor.id);
      return id;
    },
    close: () => drafts.close(),
  };
}

interface DraftMaker {
  insert(id: string, orgId: number, userId: number): void;
  close(): void;
}

function sqliteDrafts(dataDir: string): DraftMaker {
  const sqlite = new BetterSqlite3(databaseFile(dataDir));
  applyPragmas(sqlite);
  const insert = sqlite.prepare(
    'insert or ignore into drafts (id, org_id, title, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  );
  return {
    insert: (id, orgId, userId) =>
      void insert.run(id, orgId, `Dự thảo ${id}`, userId, Date.now(), Date.now()),
    close: () => sqlite.close(),
  };
}

function postgresDrafts(url: string): DraftMaker {
  const made = new Set<string>();
  return {
    insert(id, orgId, userId) {
      if (made.has(id)) return;
      psqlSync(
        url,
        `insert into drafts (id, org_id, title, created_by, created_at, updated_at)
         values (:'id', :orgId, :'title', :userId, :now, :now) on conflict do nothing`,
        { id, orgId, title: `Dự thảo ${id}`, userId, now: Date.now() },
      );
      made.add(id);
    },
    close: () => undefined,
  };
}
