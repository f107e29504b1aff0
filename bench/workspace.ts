/**
 * Authenticated clients for the benchmark. Our server admits `/collab/<draftId>` only with a
 * valid credential (here an API token, `?token=`) of a user with access to an existing draft,
 * so before our server starts on a fresh data dir (or a fresh PostgreSQL database), the
 * orchestrator seeds its database through the real services: a bloc, a unit, N drafters of the unit with one API token each, and one
 * draft row per room the scenario uses (inserted directly, with the room name as the draft id,
 * so both servers see the same room names).
 *
 * The reference server ignores query parameters; its clients get placeholder tokens of the
 * same shape, so the client side does identical work against both.
 */
import { randomBytes } from 'node:crypto';
import { migrateToLatest } from '../server/db/migrate.js';
import { openConfiguredDatabase } from '../server/db/database.js';
import { createServices } from '../server/services.js';
import { systemClock } from '../server/time/clock.js';

/** The server's default auth settings (SESSION_IDLE_MINUTES etc. unset). */
export const BENCH_AUTH = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  sessionRotationGraceMs: 60_000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
};

/** At most this many distinct users; clients are spread over them round-robin. */
export const MAX_BENCH_USERS = 50;
/** Password hashing (argon2, ~30 ms) runs this many users at a time. */
const HASH_PARALLELISM = 4;

/** How many users a run with `clients` clients gets. */
export function benchUserCount(clients: number): number {
  return Math.max(1, Math.min(clients, MAX_BENCH_USERS));
}

/**
 * Whether "ours" is a build from before authentication (`BENCH_OURS_PREAUTH=1`, e.g. with
 * `BENCH_OURS_ENTRY=/tmp/vk-preauth/server/main.ts`): its database is then left alone (its
 * own migrations would refuse one migrated by the current code) and its clients send
 * placeholder tokens, like the reference's.
 */
export function oursIsPreAuth(): boolean {
  return process.env.BENCH_OURS_PREAUTH === '1';
}

/** Tokens shaped like real ones (`vkt_` + 32 random bytes, base64url) that no server knows. */
export function placeholderTokens(count: number): string[] {
  return Array.from({ length: count }, () => `vkt_${randomBytes(32).toString('base64url')}`);
}

/** What `seedWorkspace` made. */
export interface SeededWorkspace {
  /** One API token per user, in user order. */
  readonly tokens: string[];
  /** Wall time of the seeding (mostly password hashing). */
  readonly ms: number;
}

/**
 * Seeds the server's database (migrating it first) with `users` drafters of one unit, an API
 * token each, and a draft row for every id in `draftIds` (owned by the unit): the database at
 * `databaseUrl` (PostgreSQL) when given, else `<dataDir>/vankien.db`, opened as the server
 * opens it (`openConfiguredDatabase`). It is closed again before returning, so the server
 * opens it alone.
 */
export async function seedWorkspace(
  dataDir: string,
  opts: { users: number; draftIds: readonly string[]; databaseUrl?: string },
): Promise<SeededWorkspace> {
  const t0 = Date.now();
  const database = openConfiguredDatabase({ url: opts.databaseUrl, poolSize: HASH_PARALLELISM, dataDir });
  try {
    const migration = await migrateToLatest(database.db);
    if (migration.error !== undefined) {
      throw migration.error instanceof Error ? migration.error : new Error('migration failed');
    }
    const services = createServices(database.db, BENCH_AUTH, { clock: systemClock });
    const bloc = await services.orgs.create({
      kind: 'bloc',
      name: 'Đảng bộ Khối đo tải',
      shortName: 'ĐBK-BENCH',
      parentId: null,
    });
    const unit = await services.orgs.create({
      kind: 'unit',
      name: 'Đảng bộ Sở đo tải',
      shortName: 'ĐBS-BENCH',
      parentId: bloc.id,
    });
    const userIds: number[] = [];
    const tokens: string[] = [];
    for (let first = 0; first < opts.users; first += HASH_PARALLELISM) {
      const batch = Array.from(
        { length: Math.min(HASH_PARALLELISM, opts.users - first) },
        (_, k) => first + k,
      );
      const made = await Promise.all(
        batch.map(async (i) => {
          const { user } = await services.users.create({
            username: `bench${String(i).padStart(3, '0')}`,
            displayName: `Đại biểu ${i}`,
            orgId: unit.id,
            password: `mat-khau-do-tai-${i}`,
            roles: ['drafter'],
          });
          const { token } = await services.tokens.create(user.id, 'bench');
          return { id: user.id, token };
        }),
      );
      for (const m of made) {
        userIds.push(m.id);
        tokens.push(m.token);
      }
    }
    // Drafts made through DraftService get UUIDs; the bench needs its room names as ids.
    const now = Date.now();
    const rows = opts.draftIds.map((id, i) => ({
      id,
      org_id: unit.id,
      title: `Dự thảo đo tải ${id}`,
      created_by: userIds[i % userIds.length] ?? null,
      created_at: now,
      updated_at: now,
      template_id: null,
      template_version: null,
      status: 'drafting' as const,
      archived_at: null,
      header: null,
      last_edited_by: null,
      last_edited_at: null,
    }));
    // In chunks: one statement's bind parameters are limited (SQLite 32,766, PostgreSQL 65,535).
    for (let i = 0; i < rows.length; i += 500) {
      await database.db
        .insertInto('drafts')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    await database.close();
    return { tokens, ms: Date.now() - t0 };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
