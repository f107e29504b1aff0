import type { Kysely } from 'kysely';
import { WorkerClient, workerModule } from '../../worker-client.ts';
import { findLastUpdateId, readHistory } from '../store/collab-document.repository.ts';
import type { Database } from '../../db/database.ts';
import type { CommitMeter } from '../core/commit-meter.ts';
import type {
  AppendRequest,
  AppendResult,
  SnapshotRequest,
  SnapshotResult,
  SwapRequest,
  SwapResult,
  WriterData,
} from '../store/collab-workers.ts';
import { packUpdates } from '../store/collab-workers.ts';
import type { CompactionResult, DocStore, StoredDoc } from '../core/doc-store.ts';
import { AppendQueue, CompactionRuns, storedDoc } from '../store/doc-store-parts.ts';
import { systemClock, type Clock } from '../../time/clock.ts';

/** Where the store keeps its tables, and how it tunes commits. */
export interface SqliteDocStoreOptions {
  readonly db: Kysely<Database>;
  /** The database file, which the writer opens for appends and the compaction worker read-only. */
  readonly file: string;
  /**
   * While commits are frequent, how long the writer waits for other appends to share a commit
   * (0: never wait). After a quiet spell an append commits at once.
   */
  readonly commitWindowMs?: number;
  /** Stamps appended rows (the system clock unless given). */
  readonly clock?: Clock | undefined;
  /** Told of every commit (metrics). */
  readonly meter?: CommitMeter | undefined;
}

/**
 * The update log and snapshots in SQLite. Appends are committed by a writer thread with its
 * own connection (update-log.worker.ts), so the commit and its fsync never block the event
 * loop: everything appended in one turn of the loop goes to the writer as one message, and
 * whatever reaches the writer while it commits shares its next transaction, so a busier
 * server simply commits bigger batches. Compaction builds snapshots in a read-only worker
 * thread and swaps them in on this thread's connection.
 */
export class SqliteDocStore implements DocStore {
  private readonly queue = new AppendQueue<null>();
  private scheduled = false;
  private readonly compactions = new CompactionRuns();
  private readonly builder: WorkerClient<SnapshotRequest, SnapshotResult>;
  private readonly writer: WorkerClient<AppendRequest | SwapRequest, AppendResult | SwapResult>;
  /** Batches handed to the writer and not yet answered (close waits for them). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly db: Kysely<Database>;
  private readonly now: () => number;
  private readonly meter: CommitMeter | undefined;
  private committedBatches = 0;
  private heldBatches = 0;

  constructor(options: SqliteDocStoreOptions) {
    this.db = options.db;
    this.builder = new WorkerClient(workerModule(import.meta.url, 'compaction.worker'), {
      file: options.file,
    });
    const writerData: WriterData = { file: options.file, commitWindowMs: options.commitWindowMs ?? 0 };
    this.writer = new WorkerClient(workerModule(import.meta.url, 'update-log.worker'), writerData);
    // Started now: the first keystroke must not wait for a thread to boot.
    this.writer.warm();
    this.now = () => (options.clock ?? systemClock).now();
    this.meter = options.meter;
  }

  /** How many append transactions have committed (each holds one or more updates). */
  get commits(): number {
    return this.committedBatches;
  }

  /** How many of those transactions waited a commit window for company (commits were frequent). */
  get heldCommits(): number {
    return this.heldBatches;
  }

  /** Resolves once the writer thread has opened the database (rejects if it cannot). */
  async ready(): Promise<void> {
    await this.writer.request({
      kind: 'append',
      docs: [],
      lengths: [],
      bytes: new ArrayBuffer(0),
      createdAt: 0,
    });
  }

  async load(doc: string): Promise<StoredDoc> {
    const { snapshot, rows } = await readHistory(this.db, doc);
    return storedDoc(snapshot, rows);
  }

  append(doc: string, data: Uint8Array): Promise<number | null> {
    const committed = this.queue.add(doc, data);
    this.schedule();
    return committed;
  }

  compact(doc: string): Promise<CompactionResult> {
    return this.compactions.run(doc, () => this.runCompaction(doc));
  }

  async close(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight, ...this.compactions.values()]);
    await Promise.all([this.writer.close(), this.builder.close()]);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase has handed us every message already received.
    setImmediate(() => this.flush());
  }

  /** Hands everything queued to the writer as one message and settles it on the answer. */
  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.take();
    if (batch.length === 0) return;
    const { lengths, bytes } = packUpdates(batch.rows.map(({ data }) => data));
    const sent = this.writer
      .request(
        {
          kind: 'append',
          docs: batch.rows.map(({ doc }) => doc),
          lengths,
          bytes,
          createdAt: this.now(),
        },
        [bytes],
      )
      .then(
        (reply) => {
          const transaction = 'transaction' in reply ? reply.transaction : null;
          if (transaction !== null) {
            this.committedBatches += 1;
            if (transaction.held) this.heldBatches += 1;
            this.meter?.committed(transaction.updates, transaction.seconds);
          }
          batch.committed(() => null);
        },
        (error: unknown) => batch.failed(error),
      )
      .finally(() => this.inFlight.delete(sent));
    this.inFlight.add(sent);
  }

  private async runCompaction(doc: string): Promise<CompactionResult> {
    const upTo = await findLastUpdateId(this.db, doc);
    if (upTo === 0) return { updates: 0, bytes: 0 };
    const built = await this.builder.request({ doc, upTo });
    // The writer swaps it in, in order with the appends and off this thread.
    const reply = await this.writer.request(
      {
        kind: 'swap',
        doc,
        base: built.base,
        upTo,
        state: built.state,
        stateVector: built.stateVector,
        now: this.now(),
      },
      [built.state.buffer as ArrayBuffer],
    );
    const swapped = 'swapped' in reply && reply.swapped;
    return swapped ? { updates: built.count, bytes: built.bytes } : { updates: 0, bytes: 0 };
  }
}
