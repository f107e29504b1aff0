// The shared update log on PostgreSQL (issue 23): two instances' stores append to one draft
// at once and get gap-free numbers in commit order; two compactions at once fold the log once
// (an advisory lock), and appends during a compaction are kept.
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresDocStore } from '../../../server/collab/postgres/postgres-doc-store.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openPostgres, type PostgresDatabase } from '../../../server/db/postgres.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../helpers/test-database.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two instances' stores on one fresh, migrated database. */
async function twoStores(): Promise<[PostgresDocStore, PostgresDocStore]> {
  const url = await createScratchDatabase();
  cleanups.push(() => dropScratchDatabase(url));
  const databases: PostgresDatabase[] = [
    openPostgres(url, { poolSize: 4 }),
    openPostgres(url, { poolSize: 4 }),
  ];
  cleanups.push(async () => {
    for (const database of databases) await database.close();
  });
  const migrated = await migrateToLatest(databases[0]!.db);
  expect(migrated.error).toBeUndefined();
  const stores = databases.map((database) => new PostgresDocStore({ db: database.db }));
  cleanups.push(async () => {
    for (const store of stores) await store.close();
  });
  return stores as [PostgresDocStore, PostgresDocStore];
}

/** `count` updates of one writer, each appending a letter to text `t`. */
function writer(clientId: number, letter: string, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(doc.getText('t').length, letter);
  return updates;
}

function replay(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

it('appends from two instances at once are numbered 1..n without gaps, each in its own order', async () => {
  const [a, b] = await twoStores();
  const fromA = writer(1, 'a', 150);
  const fromB = writer(2, 'b', 150);
  const [seqsA, seqsB] = await Promise.all([
    Promise.all(fromA.map((update) => a.append('shared', update))),
    Promise.all(fromB.map((update) => b.append('shared', update))),
  ]);
  const all = [...seqsA, ...seqsB].map(Number).sort((x, y) => x - y);
  expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  for (const seqs of [seqsA, seqsB])
    expect([...seqs].map(Number)).toEqual([...seqs].map(Number).sort((x, y) => x - y));
  expect(await a.heads(['shared', 'nothing'])).toEqual(new Map([['shared', 300]]));
  expect((await b.since('shared', 298)).map((row) => row.seq)).toEqual([299, 300]);
  const loaded = await b.load('shared');
  expect(loaded.head).toBe(300);
  expect(replay(loaded.updates).getText('t').toJSON()).toMatch(
    /^(?=(?:[^a]*a){150})(?=(?:[^b]*b){150})[ab]{300}$/,
  );
});

it('two instances compacting one draft at once fold it once, and appends meanwhile are kept', async () => {
  const [a, b] = await twoStores();
  const updates = writer(3, 'x', 400);
  for (const update of updates.slice(0, 300)) await a.append('busy', update);
  const during = updates.slice(300);
  const [first, second] = await Promise.all([
    a.compact('busy'),
    b.compact('busy'),
    Promise.all(during.map((update) => b.append('busy', update))),
  ]);
  // The lock lets one in; the other finds it held (or, if it came later, too little to fold).
  expect(first.updates + second.updates).toBeGreaterThanOrEqual(300);
  expect(first.updates + second.updates).toBeLessThanOrEqual(400);
  expect(Math.min(first.updates, second.updates)).toBeLessThan(300);
  const loaded = await a.load('busy');
  expect(replay(loaded.updates).getText('t').toJSON()).toBe('x'.repeat(400));
  expect(loaded.head).toBe(400);
  await b.compact('busy');
  const folded = await b.load('busy');
  expect([folded.logCount, folded.head, folded.updates.length]).toEqual([0, 400, 1]);
  expect(replay(folded.updates).getText('t').toJSON()).toBe('x'.repeat(400));
});
