import type { Kysely } from 'kysely';
import { WorkerClient, workerModule } from '../worker-client.ts';
import { findLastUpdateId, readHistory } from './collab-document.repository.ts';
import type { CollabTables } from './collab-document.table.ts';
import type { LogWriterRequest, LogWriterResult, SnapshotRequest, SnapshotResult } from './collab-workers.ts';
import type { CompactionResult, DocStore, StoredDoc } from './doc-store.ts';

interface QueuedAppend {
  readonly doc: string;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Tuning of the store. */
export interface SqliteDocStoreOptions {
  /** How long the first queued append waits for others to share its commit (0: next turn of the loop). */
  readonly commitWindowMs?: number;
  readonly now?: () => number;
}

/**
 * The update log and snapshots in SQLite (through Kysely). Appends are group-committed by a
 * log-writer thread, the only writer: everything queued while one commit (and its fsync) is
 * under way shares the next, so durability neither stalls the event loop nor caps
 * throughput. Compaction builds snapshots in a second, read-only thread. `db` is used for
 * reads only.
 */
export class SqliteDocStore implements DocStore {
  private queue: QueuedAppend[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private readonly compactions = new Map<string, Promise<CompactionResult>>();
  private readonly writer: WorkerClient<LogWriterRequest, LogWriterResult>;
  private readonly builder: WorkerClient<SnapshotRequest, SnapshotResult>;
  private readonly commitWindowMs: number;
  private readonly now: () => number;
  private committedBatches = 0;

  constructor(
    private readonly db: Kysely<CollabTables>,
    file: string,
    options: SqliteDocStoreOptions = {},
  ) {
    this.writer = new WorkerClient(workerModule(import.meta.url, 'log-writer.worker'), { file });
    this.writer.warm(); // the first keystroke should not wait for a thread to boot
    this.builder = new WorkerClient(workerModule(import.meta.url, 'compaction.worker'), { file });
    this.commitWindowMs = options.commitWindowMs ?? 0;
    this.now = options.now ?? Date.now;
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
    while (this.flushing !== null || this.scheduled || this.queue.length > 0) {
      await (this.flushing ?? new Promise((resolve) => setImmediate(resolve)));
    }
    await Promise.allSettled([...this.compactions.values()]);
    await Promise.all([this.builder.close(), this.writer.close()]);
  }

  private schedule(): void {
    if (this.scheduled || this.flushing !== null) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    };
    // setImmediate runs after the poll phase has handed us every message already received.
    if (this.commitWindowMs > 0) setTimeout(run, this.commitWindowMs);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const rows = batch.map(({ doc, data }) => ({ doc, data }));
      await this.writer.request({ kind: 'append', createdAt: this.now(), rows });
    } catch (error) {
      // Appends queued behind a failed commit may depend on it: fail them as well.
      const behind = this.queue;
      this.queue = [];
      for (const append of [...batch, ...behind]) append.reject(error);
      return;
    }
    this.committedBatches += 1;
    for (const append of batch) append.resolve();
  }

  private async runCompaction(doc: string): Promise<CompactionResult> {
    const upTo = await findLastUpdateId(this.db, doc);
    if (upTo === 0) return { updates: 0, bytes: 0 };
    const built = await this.builder.request({ doc, upTo });
    const { changed } = await this.writer.request(
      {
        kind: 'swap',
        doc,
        state: built.state,
        stateVector: built.stateVector,
        base: built.base,
        upTo,
        now: this.now(),
      },
      [built.state.buffer as ArrayBuffer],
    );
    return changed === 1 ? { updates: built.count, bytes: built.bytes } : { updates: 0, bytes: 0 };
  }
}
