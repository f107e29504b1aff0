import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { WorkerClient, workerModule } from '../worker-client.ts';
import {
  findLastUpdateId,
  findSnapshot,
  prepareAppend,
  readHistory,
  replaceSnapshot,
} from './collab-document.repository.ts';
import type { Database } from '../db/database.ts';
import type { NewCollabUpdateRow } from './collab-document.table.ts';
import type { CommitMeter } from './commit-meter.ts';
import type { SnapshotRequest, SnapshotResult } from './collab-workers.ts';
import type { CompactionResult, DocStore, StoredDoc } from './doc-store.ts';

/** Commits are "frequent" when the last one was less than this many windows ago. */
const QUIET_WINDOWS = 10;

interface QueuedAppend {
  readonly doc: string;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Where the store keeps its tables, and how it tunes commits. */
export interface SqliteDocStoreOptions {
  readonly db: Kysely<Database>;
  /** The raw handle behind `db`, for the prepared append statement. */
  readonly sqlite: BetterSqlite3.Database;
  /** The database file, which the compaction worker opens read-only. */
  readonly file: string;
  /**
   * While commits are frequent, how long the first queued append waits for others to share its
   * commit (0: never wait). After a quiet spell an append commits at the next turn of the loop.
   */
  readonly commitWindowMs?: number;
  readonly now?: () => number;
  /** Told of every commit (metrics). */
  readonly meter?: CommitMeter | undefined;
}

/**
 * The update log and snapshots in SQLite. Appends are group-committed: everything queued
 * before the event loop's check phase shares one transaction, so one fsync covers many
 * keystrokes and a busier server simply commits bigger batches. The commit runs on this
 * thread through a statement prepared once (about 80 µs of CPU and 0.25 ms of wall time per
 * commit measured here); a writer thread was tried and cost more CPU in message passing
 * than the commit itself. Compaction builds snapshots in a read-only worker thread.
 */
export class SqliteDocStore implements DocStore {
  private queue: QueuedAppend[] = [];
  private scheduled = false;
  private readonly compactions = new Map<string, Promise<CompactionResult>>();
  private readonly builder: WorkerClient<SnapshotRequest, SnapshotResult>;
  private readonly appendRows: (rows: readonly NewCollabUpdateRow[]) => void;
  private readonly db: Kysely<Database>;
  private readonly commitWindowMs: number;
  private readonly now: () => number;
  private readonly meter: CommitMeter | undefined;
  private committedBatches = 0;
  private lastCommitAt = -Infinity;

  constructor(options: SqliteDocStoreOptions) {
    this.db = options.db;
    this.appendRows = prepareAppend(options.db, options.sqlite);
    this.builder = new WorkerClient(workerModule(import.meta.url, 'compaction.worker'), {
      file: options.file,
    });
    this.commitWindowMs = options.commitWindowMs ?? 0;
    this.now = options.now ?? Date.now;
    this.meter = options.meter;
  }

  /** How many append transactions have committed (each holds one or more updates). */
  get commits(): number {
    return this.committedBatches;
  }

  async load(doc: string): Promise<StoredDoc> {
    const { snapshot, rows } = await readHistory(this.db, doc);
    const log = rows.map((row) => row.data);
    return {
      updates: snapshot === undefined ? log : [snapshot.state, ...log],
      stateVector: snapshot !== undefined && log.length === 0 ? snapshot.state_vector : null,
      logCount: log.length,
      logBytes: log.reduce((sum, u) => sum + u.length, 0),
    };
  }

  append(doc: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, data, resolve, reject });
      this.schedule();
    });
  }

  compact(doc: string): Promise<CompactionResult> {
    let running = this.compactions.get(doc);
    if (running === undefined) {
      running = this.runCompaction(doc).finally(() => this.compactions.delete(doc));
      this.compactions.set(doc, running);
    }
    return running;
  }

  async close(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.compactions.values()]);
    await this.builder.close();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Wait for company only when there is some (as PostgreSQL's commit_delay does with
    // commit_siblings): a lone keystroke after a pause should not pay the window.
    const busy = performance.now() - this.lastCommitAt < this.commitWindowMs * QUIET_WINDOWS;
    // setImmediate runs after the poll phase has handed us every message already received.
    if (busy) setTimeout(() => this.flush(), this.commitWindowMs);
    else setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const started = performance.now();
    try {
      const createdAt = this.now();
      this.appendRows(batch.map(({ doc, data }) => ({ doc, data, created_at: createdAt })));
    } catch (error) {
      // One transaction: all of the batch failed, nothing of it is stored.
      for (const append of batch) append.reject(error);
      return;
    }
    this.committedBatches += 1;
    this.lastCommitAt = performance.now();
    this.meter?.committed(batch.length, (this.lastCommitAt - started) / 1000);
    for (const append of batch) append.resolve();
  }

  private async runCompaction(doc: string): Promise<CompactionResult> {
    const upTo = await findLastUpdateId(this.db, doc);
    if (upTo === 0) return { updates: 0, bytes: 0 };
    const built = await this.builder.request({ doc, upTo });
    const swapped = await this.db.transaction().execute(async (trx) => {
      const current = await findSnapshot(trx, doc);
      if ((current?.up_to ?? 0) !== built.base) return false; // another compaction won
      await replaceSnapshot(trx, {
        doc,
        state: built.state,
        stateVector: built.stateVector,
        upTo,
        now: this.now(),
      });
      return true;
    });
    return swapped ? { updates: built.count, bytes: built.bytes } : { updates: 0, bytes: 0 };
  }
}
