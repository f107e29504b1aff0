/**
 * `npx tsx bench/admission-queries.ts`: what admitting one collaboration socket costs in
 * database work (CollabGate's three calls: authenticate the token, resolve the user's access
 * to the draft, read the user; six queries), with the statements kept prepared as the server
 * runs them (StatementCache) against Kysely's own SQLite handle, which prepares every query
 * afresh. Both on one migrated SQLite file seeded as the load benchmark seeds it; rounds
 * interleaved, median of 3 (bench/README.md, "Figures of 2026-12-08").
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../server/db/database.ts';
import { applyPragmas, openKysely } from '../server/db/sqlite.ts';
import { createServices } from '../server/services.ts';
import { systemClock } from '../server/time/clock.ts';
import { makeTempDir, removeDir } from './server-process.ts';
import { BENCH_AUTH, seedWorkspace } from './workspace.ts';

const ADMISSIONS = 2000;
const ROUNDS = 3;
const DRAFT = 'bench-admission';

const dir = makeTempDir('vankien-bench-admission-');
try {
  const [token = ''] = (await seedWorkspace(dir, { users: 1, draftIds: [DRAFT] })).tokens;
  const sqlite = new BetterSqlite3(path.join(dir, 'vankien.db'), { fileMustExist: true });
  applyPragmas(sqlite);
  const variants: [string, Kysely<Database>][] = [
    ['statements kept (the server)', openKysely(sqlite)],
    [
      'prepared every time (Kysely alone)',
      new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    ],
  ];
  const admit = async (db: Kysely<Database>) => {
    const { auth, access } = createServices(db, BENCH_AUTH, { clock: systemClock });
    const t0 = performance.now();
    for (let i = 0; i < ADMISSIONS; i++) {
      const principal = await auth.authenticate({ token, session: undefined }, false);
      if (principal === null) throw new Error('the seeded token was refused');
      if ((await access.resolveText(principal.userId, DRAFT)) === null) throw new Error('no access');
      await auth.userOf(principal);
    }
    return ((performance.now() - t0) / ADMISSIONS) * 1000;
  };
  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (let round = 0; round <= ROUNDS; round++)
    for (const [name, db] of variants) {
      const us = await admit(db);
      if (round > 0) times.get(name)!.push(us); // round 0 warms the code up
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [kept, fresh] = variants.map(([name]) => median(times.get(name)!));
  console.log(
    `${ADMISSIONS} admissions × ${ROUNDS} rounds, median µs per admission (six queries), Node ${process.version}`,
  );
  for (const [name] of variants) console.log(`| ${name} | ${median(times.get(name)!).toFixed(0)} µs |`);
  console.log(`ratio kept / prepared every time: ${(kept! / fresh!).toFixed(2)}`);
  sqlite.close();
} finally {
  removeDir(dir);
}
