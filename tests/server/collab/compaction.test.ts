// Compaction is lossless and atomic (R17): whatever the interleaving of
// appends, compactions and loads, the stored snapshot + log replays to exactly what an
// uncompacted replay of every appended update gives; and a kill -9 at any moment, also in
// the middle of a compaction, leaves exactly a prefix of the appended updates that
// includes every acknowledged one.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredDoc } from '../../../server/collab/core/doc-store.ts';
import { SqliteDocStore } from '../../../server/collab/sqlite/sqlite-doc-store.ts';

import { openDatabase, type SqliteDatabase } from '../../../server/db/sqlite.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { CONTENT_FRAGMENT } from '../../../shared/editor/fragment.ts';
import { sleep } from '../../helpers/wait.ts';
import { fingerprint, readStoredLogCopy, replay, type DocFingerprint } from './fixtures/stored-log.ts';
import { generateStream, seededRandom, STREAM_DOC, writeUpdatesFile } from './fixtures/update-stream.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WRITER = path.join(ROOT, 'tests/server/collab/fixtures/compaction-writer.ts');
/** Fixed seeds, so a failure can be replayed: the stream's bytes and the kill moments derive from them. */
const STREAM_SEED = 17;
const KILL_SEED = 0x6b111;
const STREAM_LENGTH = 6000;
/** Pause between the writer's batches: a few hundred updates a second, so no run finishes before its kill. */
const WRITER_PAUSE_MS = 15;
const KILLS = 4;

const CLIENTS = 3;
const CHARS = [...'abc xyzĐảngđạộ'];

/** One edit by one client, positions taken modulo what exists so every edit applies. */
type Edit =
  | { kind: 'paragraph'; at: number; text: string }
  | { kind: 'insert'; para: number; at: number; text: string; bold: boolean }
  | { kind: 'delete'; para: number; at: number; length: number }
  | { kind: 'format'; para: number; at: number; length: number; bold: boolean }
  | { kind: 'dropParagraph'; para: number };

/** One step of a run: an edit, a sync between two clients, or something done to the store. */
type Step =
  | { kind: 'edit'; client: number; edit: Edit }
  | { kind: 'sync'; from: number; to: number }
  /** Hands every update produced so far to `append`, in order, without awaiting. */
  | { kind: 'append' }
  /** Awaits every append and compaction started so far. */
  | { kind: 'settle' }
  /** Starts a compaction without awaiting it. */
  | { kind: 'compact' }
  /** Calls `compact` twice back to back without awaiting. */
  | { kind: 'compactTwice' }
  | { kind: 'compactAwaited' }
  /** Starts a load without awaiting; it is checked once it resolves. */
  | { kind: 'load' };

const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 6 });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), at: fc.nat(), text }),
  {
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      para: fc.nat(),
      at: fc.nat(),
      text,
      bold: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      para: fc.nat(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 5 }),
    }),
    weight: 2,
  },
  fc.record({
    kind: fc.constant('format' as const),
    para: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
    bold: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dropParagraph' as const), para: fc.nat() }),
);
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), client, edit: editArb }), weight: 12 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), from: client, to: client }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'append' as const }), weight: 5 },
  { arbitrary: fc.constant({ kind: 'settle' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'compact' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'compactTwice' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'compactAwaited' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'load' as const }), weight: 1 },
);

/** Applies one edit to a client's document in one transaction (one update, if anything changed). */
function applyEdit(doc: Y.Doc, edit: Edit): void {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  doc.transact(() => {
    if (edit.kind === 'paragraph' || fragment.length === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(edit.kind === 'paragraph' ? edit.text : 'x')]);
      fragment.insert(edit.kind === 'paragraph' ? edit.at % (fragment.length + 1) : 0, [paragraph]);
      return;
    }
    const index = edit.para % fragment.length;
    if (edit.kind === 'dropParagraph') return fragment.delete(index, 1);
    const xmlText = (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
    const at = edit.at % (xmlText.length + 1);
    if (edit.kind === 'insert') return xmlText.insert(at, edit.text, edit.bold ? { bold: true } : {});
    const length = Math.min(edit.length, xmlText.length - at);
    if (length === 0) return;
    if (edit.kind === 'delete') return xmlText.delete(at, length);
    xmlText.format(at, length, { bold: edit.bold ? true : null });
  });
}

/** The fingerprint of `stored` after also applying `extra`: equal to the stored one iff it already held them. */
function withAlso(stored: StoredDoc, extra: readonly Uint8Array[]): DocFingerprint {
  return fingerprint(replay([...stored.updates, ...extra]));
}

/** A compaction-writer child process and what it has reported so far. */
interface Writer {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  /** The last acknowledged (committed) update index; read it after `exited` to count every line it printed. */
  lastAck: number;
  /** Whether a compaction has started and not yet reported done. */
  compacting: boolean;
  compactionsDone: number;
  /** Waits (bounded) for the next stdout line that matches. */
  next(match: (line: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /**
   * SIGKILLs it from the handler of an `ack` line, where an acknowledgement sent before its
   * commit would show: the first after `skip` others (counting only those during a compaction, if asked).
   */
  killAtAck(options: { skip: number; duringCompaction: boolean }): void;
}

const writers = new Set<Writer>();

/** Starts the writer on `file`; it resumes from whatever prefix of the updates the file holds. */
function startWriter(file: string, updatesFile: string): Writer {
  const args = [WRITER, file, updatesFile, String(KILL_SEED), String(WRITER_PAUSE_MS)];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  let killPlan: { skip: number; duringCompaction: boolean } | null = null;
  const writer: Writer = {
    child,
    exited,
    lastAck: 0,
    compacting: false,
    compactionsDone: 0,
    killAtAck(options) {
      killPlan = { ...options };
    },
    next(match, what, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for the writer's ${what}`));
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`writer exited (${String(code ?? signal)}) before ${what}: ${stderr}`));
        });
      });
    },
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'compact-start') writer.compacting = true;
    if (line.startsWith('compact-done'))
      [writer.compacting, writer.compactionsDone] = [false, writer.compactionsDone + 1];
    if (line.startsWith('ack ')) {
      writer.lastAck = Number(line.slice(4));
      if (killPlan !== null && (writer.compacting || !killPlan.duringCompaction) && killPlan.skip-- === 0) {
        killPlan = null;
        child.kill('SIGKILL');
      }
    }
    for (const waiter of [...waiters]) {
      if (!waiter.match(line)) continue;
      waiters.delete(waiter);
      waiter.resolve(line);
    }
  });
  writers.add(writer);
  void exited.then(() => writers.delete(writer));
  return writer;
}

/** Resolves with the promise's value, or rejects with `what` after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

afterEach(async () => {
  for (const writer of writers) writer.child.kill('SIGKILL');
  await Promise.all([...writers].map((writer) => writer.exited));
});

describe('compaction of the update log', () => {
  // One database for all runs, one document per run: each store boots its compaction worker
  // through tsx, which takes 0.8–3 s, far too slow for a file per run. Sharing the file also
  // checks that compacting one document never touches another.
  let dir: string;
  let database: SqliteDatabase;
  let store: SqliteDocStore;
  const expected = new Map<string, DocFingerprint>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-compaction-'));
    database = openDatabase(path.join(dir, 'property.db'));
    const migration = await migrateToLatest(database.db);
    if (migration.error !== undefined) throw new Error('migration failed', { cause: migration.error });
    store = new SqliteDocStore({ db: database.db, file: database.file });
  });

  afterAll(async () => {
    await store?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs one generated history against the store under `name` and checks every load. */
  async function run(name: string, steps: readonly Step[]): Promise<void> {
    const docs = Array.from({ length: CLIENTS }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1; // fixed: concurrent inserts are ordered by clientID, so runs replay exactly
      return doc;
    });
    const produced: Uint8Array[] = [];
    for (const doc of docs) {
      doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        if (tr.local) produced.push(update); // a synced update is a copy of one recorded already
      });
    }
    let appended = 0;
    let committed = 0; // appends resolve in order, so this many are durable
    const inFlight: Promise<unknown>[] = [];
    const loads: Array<{ loaded: Promise<StoredDoc>; committedBefore: number }> = [];
    const appendAll = (): void => {
      for (; appended < produced.length; appended++) {
        const index = appended + 1;
        inFlight.push(store.append(name, produced[appended]!).then(() => (committed = index)));
      }
    };

    for (const step of steps) {
      switch (step.kind) {
        case 'edit':
          applyEdit(docs[step.client]!, step.edit);
          break;
        case 'sync': {
          const [from, to] = [docs[step.from]!, docs[step.to]!];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync');
          break;
        }
        case 'append':
          appendAll();
          break;
        case 'settle':
          await Promise.all(inFlight);
          break;
        case 'compact':
          inFlight.push(store.compact(name));
          break;
        case 'compactTwice':
          inFlight.push(store.compact(name), store.compact(name));
          break;
        case 'compactAwaited':
          await store.compact(name);
          break;
        case 'load':
          loads.push({ loaded: store.load(name), committedBefore: committed });
          break;
      }
    }
    appendAll();
    await Promise.all(inFlight);

    // A load racing appends and compactions holds at least everything committed before it, without gaps.
    for (const { loaded, committedBefore } of loads) {
      const stored = await loaded;
      const state = fingerprint(replay(stored.updates));
      expect(state.pending).toBe(false);
      expect(withAlso(stored, produced.slice(0, committedBefore))).toEqual(state);
    }
    const reference = fingerprint(replay(produced));
    expect(reference.pending).toBe(false);
    expect(fingerprint(replay((await store.load(name)).updates))).toEqual(reference);

    // A final compaction with nothing in flight folds the whole log into the snapshot.
    await store.compact(name);
    const compacted = await store.load(name);
    expect(compacted.logCount).toBe(0);
    expect(compacted.updates.length).toBe(produced.length === 0 ? 0 : 1);
    expect(fingerprint(replay(compacted.updates))).toEqual(reference);
    expect(coveredRowsLeft(name)).toBe(0);
    expected.set(name, reference);
    for (const doc of docs) doc.destroy();
  }

  /** Log rows the snapshot claims to cover but that are still there (must be 0: same transaction). */
  function coveredRowsLeft(name: string): number {
    const row = database.sqlite
      .prepare(
        `SELECT count(*) AS n FROM collab_updates u JOIN collab_snapshots s ON s.doc = u.doc
         WHERE u.doc = ? AND u.id <= s.up_to`,
      )
      .get(name) as { n: number };
    return row.n;
  }

  it('snapshot + log replay to the uncompacted history, whatever the interleaving', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 100, size: 'max' }), (steps) =>
        run(`property-${++runs}`, steps),
      ),
      { numRuns: 40 },
    );
    // Every document of every run is still exactly as its run left it.
    for (const [name, reference] of expected) {
      expect(fingerprint(replay((await store.load(name)).updates)), name).toEqual(reference);
    }
  });

  it('a kill -9 during compaction loses no acknowledged update and leaves no gap', async () => {
    const stream = generateStream(STREAM_SEED, STREAM_LENGTH);
    const updatesFile = path.join(dir, 'stream.bin');
    writeUpdatesFile(updatesFile, stream.updates);
    const file = path.join(dir, 'killed.db');
    const random = seededRandom(KILL_SEED);
    let held = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const where = `kill ${kill}/${KILLS} (seeds ${STREAM_SEED}/${KILL_SEED})`;
      const writer = startWriter(file, updatesFile);
      // The restarted writer recovered the file (hot WAL included) to the prefix we read from the copy.
      expect(await writer.next((line) => line.startsWith('resume '), 'resume')).toBe(`resume ${held}`);
      if (kill % 2 === 1) {
        // A random moment, usually while the first compaction waits for its worker to boot.
        await sleep(200 + random() * 1000);
        writer.killAtAck({ skip: 0, duringCompaction: false });
      } else {
        // Inside a compaction, once the worker is warm (the first one includes its boot).
        while (writer.compactionsDone < 2)
          await writer.next((line) => line.startsWith('compact-done'), 'compaction');
        writer.killAtAck({ skip: Math.floor(random() * 5), duringCompaction: true });
      }
      const exit = await within(writer.exited, 15_000, `${where}: the kill`);
      expect(exit.signal, `${where}: killed, not finished`).toBe('SIGKILL');
      const lastAck = writer.lastAck; // every ack line it printed before dying

      const stored = readStoredLogCopy(file, STREAM_DOC);
      expect(stored.integrity, `${where}: integrity_check`).toBe('ok');
      expect(
        stored.rowIds.filter((id) => id <= stored.upTo),
        `${where}: covered rows left`,
      ).toEqual([]);
      const state = fingerprint(replay(stored.updates));
      expect(state.pending, `${where}: the stored history has a gap`).toBe(false);
      const prefix = stream.prefixBySv.get(state.stateVector);
      expect(prefix, `${where}: the stored state is a prefix of the stream`).toBeDefined();
      expect(prefix!, `${where}: every acknowledged update is stored`).toBeGreaterThanOrEqual(lastAck);
      expect(state, `${where}: exactly the first ${prefix} updates`).toEqual(
        fingerprint(replay(stream.updates.slice(0, prefix))),
      );
      held = prefix!;
    }
  });
});
