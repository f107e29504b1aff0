/**
 * `npm run bench:commit`: what one group commit of the update log costs, in CPU (user and
 * system, this process) and wall time, through the real append path (`prepareAppend` on a
 * migrated database with the production pragmas). Varies the updates per commit (what the
 * commit window changes), the `(doc, id)` index and, as an experiment only, `synchronous`.
 * The load benchmark's CPU gap to the in-memory reference is mostly this cost times the
 * commits per second (bench/README.md, "What one commit costs").
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { openDatabase } from '../server/db/sqlite.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { prepareAppend } from '../server/collab/store/collab-document.repository.ts';
import { makeTempDir, removeDir } from './server-process.ts';

const COMMITS = 3000;
const DRAFTS = 100;

interface Variant {
  readonly name: string;
  readonly rows: number;
  readonly index: boolean;
  readonly synchronous: 'FULL' | 'NORMAL';
}

const VARIANTS: Variant[] = [1, 2, 4, 8, 16].flatMap((rows): Variant[] => [
  { name: `${rows} per commit`, rows, index: true, synchronous: 'FULL' },
  { name: `${rows} per commit, no (doc, id) index`, rows, index: false, synchronous: 'FULL' },
  { name: `${rows} per commit, synchronous=NORMAL (not durable)`, rows, index: true, synchronous: 'NORMAL' },
]);

async function measure(v: Variant): Promise<string> {
  const dir = makeTempDir('vankien-bench-commit-');
  const open = openDatabase(path.join(dir, 'vankien.db'));
  try {
    await migrateToLatest(open.db);
    if (!v.index) open.sqlite.exec('DROP INDEX collab_updates_doc_id');
    if (v.synchronous === 'NORMAL') open.sqlite.pragma('synchronous = NORMAL');
    const append = prepareAppend(open.db, open.sqlite);
    const docs = Array.from({ length: DRAFTS }, (_, i) => `bench-draft-${String(i).padStart(4, '0')}`);
    // Keystroke-sized updates from random drafts, as a busy server's batches hold.
    const batch = () =>
      Array.from({ length: v.rows }, () => ({
        doc: docs[Math.floor(Math.random() * DRAFTS)]!,
        data: new Uint8Array(30 + Math.floor(Math.random() * 30)).fill(1),
        created_at: Date.now(),
      }));
    for (let i = 0; i < COMMITS / 3; i++) append(batch()); // warm-up: caches, WAL size
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < COMMITS; i++) append(batch());
    const wallUs = ((performance.now() - t0) * 1000) / COMMITS;
    const cpu = process.cpuUsage(cpu0);
    const [user, system] = [cpu.user / COMMITS, cpu.system / COMMITS];
    return `| ${v.name} | ${(user + system).toFixed(0)} (${user.toFixed(0)} + ${system.toFixed(0)}) | ${((user + system) / v.rows).toFixed(0)} | ${wallUs.toFixed(0)} |`;
  } finally {
    await open.close();
    removeDir(dir);
  }
}

console.log(`${COMMITS} commits per variant, updates from ${DRAFTS} drafts, Node ${process.version}`);
console.log('| commit | CPU µs per commit (user + system) | CPU µs per update | wall µs per commit |');
console.log('| --- | ---: | ---: | ---: |');
for (const v of VARIANTS) console.log(await measure(v));
