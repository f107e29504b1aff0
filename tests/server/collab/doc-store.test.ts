import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../../../server/collab/core/doc-store.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite/sqlite-doc-store.ts';

import { openDatabase, type SqliteDatabase } from '../../../server/db/sqlite.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { MemoryDocStore } from '../../helpers/memory-doc-store.ts';
import { readStoredDoc } from '../../helpers/stored-doc.ts';

interface Harness {
  store: DocStore;
  close(): Promise<void>;
  file?: string;
}

const opened: Harness[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

async function sqliteHarness(
  options: { commitWindowMs?: number } = {},
): Promise<Harness & { database: SqliteDatabase; file: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-store-')), 'vankien.db');
  const database = openDatabase(file);
  await migrateToLatest(database.db);
  const store = new SqliteDocStore({ db: database.db, file, ...options });
  const harness = {
    store,
    database,
    file,
    async close() {
      await store.close();
      await database.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
  opened.push(harness);
  return harness;
}

function memoryHarness(): Harness {
  const harness = { store: new MemoryDocStore(), close: () => Promise.resolve() };
  opened.push(harness);
  return harness;
}

/** A client typing words; returns one update per word. */
function typing(words: string[], doc = new Y.Doc()): Uint8Array[] {
  return words.map((word) => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, word);
    return Y.encodeStateAsUpdate(doc, before);
  });
}

function replay(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toJSON();
}

describe.each([
  ['SqliteDocStore', sqliteHarness],
  ['MemoryDocStore', () => Promise.resolve(memoryHarness())],
] as const)('DocStore contract: %s', (_name, make) => {
  it('loads what was appended, in order, per document', async () => {
    const { store } = await make();
    const [a, b] = [typing(['Đảng ', 'bộ ', 'tỉnh']), typing(['chi ', 'bộ'])];
    await Promise.all([...a.map((u) => store.append('a', u)), ...b.map((u) => store.append('b', u))]);
    const [loadedA, loadedB, empty] = await Promise.all([
      store.load('a'),
      store.load('b'),
      store.load('none'),
    ]);
    expect(replay(loadedA.updates)).toBe('Đảng bộ tỉnh');
    expect(replay(loadedB.updates)).toBe('chi bộ');
    expect(loadedA.logCount).toBe(3);
    expect(empty.updates).toEqual([]);
  });

  it('compaction keeps the content and folds the log', async () => {
    const { store } = await make();
    const updates = typing(Array.from({ length: 30 }, (_, i) => `${i},`));
    for (const u of updates.slice(0, 20)) await store.append('d', u);
    const result = await store.compact('d');
    expect(result.updates).toBe(20);
    for (const u of updates.slice(20)) await store.append('d', u);
    const loaded = await store.load('d');
    expect(loaded.updates.length).toBe(11); // one snapshot and ten log rows
    expect(loaded.logCount).toBe(10);
    expect(replay(loaded.updates)).toBe(replay(updates));
  });

  it('compacting a document without log rows changes nothing', async () => {
    const { store } = await make();
    expect(await store.compact('nothing')).toEqual({ updates: 0, bytes: 0 });
  });
});

describe('SqliteDocStore', () => {
  it('append resolves only once the row is committed (seen from another connection)', async () => {
    const { store, file } = await sqliteHarness();
    for (const [i, u] of typing(['một ', 'hai ', 'ba']).entries()) {
      await store.append('seen', u);
      const stored = readStoredDoc(file, 'seen');
      expect(stored.getText('t').toJSON()).toBe(['một ', 'một hai ', 'một hai ba'][i]);
      stored.destroy();
    }
  });

  it('appends that arrive together share one transaction', async () => {
    const { store } = await sqliteHarness();
    await store.ready();
    await Promise.all(
      typing(Array.from({ length: 200 }, (_, i) => `${i} `)).map((u) => store.append('batch', u)),
    );
    expect((store as SqliteDocStore).commits).toBe(1);
    await store.append('batch', typing(['một'])[0]!);
    expect((store as SqliteDocStore).commits).toBe(2);
  });

  it('the commit window applies only while commits are frequent', async () => {
    const { store } = await sqliteHarness({ commitWindowMs: 300 });
    await store.ready();
    const sqlite = store as SqliteDocStore;
    const [first, second] = typing(['sau lúc nghỉ ', 'liền sau']);
    await store.append('w', first!);
    expect([sqlite.commits, sqlite.heldCommits]).toEqual([1, 0]); // after a quiet spell: at once
    // "Right after" means within ten windows (3 s here) of the last commit: ample margin.
    await store.append('w', second!);
    expect([sqlite.commits, sqlite.heldCommits]).toEqual([2, 1]); // right after a commit: waits
  });

  it('a failed commit fails every append it held, and the store recovers', async () => {
    const { store, database } = await sqliteHarness();
    database.sqlite.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON collab_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const results = await Promise.allSettled(typing(['x', 'y']).map((u) => store.append('f', u)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    database.sqlite.exec('DROP TRIGGER refuse');
    await store.append('f', typing(['ok'])[0]!);
    expect(replay((await store.load('f')).updates)).toBe('ok');
  });

  it('close waits for queued appends', async () => {
    const { store, file } = await sqliteHarness();
    const pending = typing(['lưu ', 'trước ', 'khi tắt']).map((u) => store.append('c', u));
    await store.close();
    await Promise.all(pending);
    expect(readStoredDoc(file, 'c').getText('t').toJSON()).toBe('lưu trước khi tắt');
  });
});
