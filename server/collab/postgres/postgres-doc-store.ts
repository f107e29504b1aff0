import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { WorkerClient, workerModule } from '../../worker-client.ts';
import type { CommitMeter } from '../core/commit-meter.ts';
import { packUpdates, type BuildRequest, type BuildResult } from '../store/collab-workers.ts';
import type { CompactionResult, DocStore, NumberedUpdate, SharedLog, StoredDoc } from '../core/doc-store.ts';
import {
  appendNumbered,
  findHeads,
  findNumbered,
  readNumberedHistory,
  swapNumberedSnapshot,
} from './postgres-log.repository.ts';
import { AppendQueue, CompactionRuns, storedDoc } from '../store/doc-store-parts.ts';
import { systemClock, type Clock } from '../../time/clock.ts';

/** Where the store keeps its tables. */
export interface PostgresDocStoreOptions {
  readonly db: Kysely<Database>;
  /** Stamps appended rows (the system clock unless given). */
  readonly clock?: Clock | undefined;
  readonly meter?: CommitMeter | undefined;
}

/** Namespaces this application's advisory locks (any constant; other apps use their own). */
const COMPACTION_LOCK_SPACE = 0x766b; // "vk"

/**
 * The update log and snapshots in PostgreSQL, shared by every instance. Appends are grouped:
 * everything appended while a commit is in flight goes into the next transaction, which
 * numbers each document's updates in commit order (`collab_heads`) and resolves only after
 * COMMIT returned with `synchronous_commit=on` (R14: durable before relayed). Compaction takes
 * a per-document advisory lock, so two instances never compact one draft at once.
 */
export class PostgresDocStore implements DocStore, SharedLog {
  readonly shared: SharedLog = this;
  private readonly queue = new AppendQueue<number>();
  private committing: Promise<void> | null = null;
  private readonly compactions = new CompactionRuns();
  private readonly builder = new WorkerClient<BuildRequest, BuildResult>(
    workerModule(import.meta.url, 'snapshot.worker'),
    {},
  );
  private readonly db: Kysely<Database>;
  private readonly now: () => number;
  private readonly meter: CommitMeter | undefined;
  private closed = false;

  constructor(options: PostgresDocStoreOptions) {
    this.db = options.db;
    this.now = () => (options.clock ?? systemClock).now();
    this.meter = options.meter;
  }

  /** Resolves once the database answers and holds the log's tables. */
  async ready(): Promise<void> {
    await this.db.selectFrom('collab_heads').select('doc').limit(1).execute();
  }

  async load(doc: string): Promise<StoredDoc> {
    const { snapshot, rows, head } = await readNumberedHistory(this.db, doc);
    return { ...storedDoc(snapshot, rows), head };
  }

  append(doc: string, data: Uint8Array): Promise<number | null> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    const committed = this.queue.add(doc, data);
    // One commit at a time: what arrives meanwhile waits for it and shares the next one.
    if (this.committing === null) this.committing = this.commitQueued();
    return committed;
  }

  since(doc: string, after: number): Promise<NumberedUpdate[]> {
    return findNumbered(this.db, doc, after);
  }

  heads(docs: readonly string[]): Promise<Map<string, number>> {
    return findHeads(this.db, docs);
  }

  compact(doc: string): Promise<CompactionResult> {
    return this.compactions.run(doc, () => this.runCompaction(doc));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.committing;
    await this.compactions.settled();
    await this.builder.close();
  }

  private async commitQueued(): Promise<void> {
    // Let the appends of this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.size > 0) {
      const batch = this.queue.take();
      const started = performance.now();
      try {
        const seqs = await appendNumbered(this.db, batch.rows, this.now());
        this.meter?.committed(batch.length, (performance.now() - started) / 1000);
        batch.committed((i) => seqs[i]!);
      } catch (error) {
        batch.failed(error);
      }
    }
    this.committing = null;
  }

  private async runCompaction(doc: string): Promise<CompactionResult> {
    // The whole read-build-swap holds the lock, on one connection (a session-level lock).
    return this.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_lock(${COMPACTION_LOCK_SPACE}, hashtext(${doc})) as locked`.execute(
        connection,
      );
      if (rows[0]?.locked !== true) return { updates: 0, bytes: 0 }; // another instance is at it
      try {
        const { snapshot, rows: log, head } = await readNumberedHistory(connection, doc);
        if (log.length === 0) return { updates: 0, bytes: 0 };
        const updates = log.map((row) => row.data);
        const { lengths, bytes } = packUpdates(
          snapshot === undefined ? updates : [snapshot.state, ...updates],
        );
        const built = await this.builder.request({ lengths, bytes }, [bytes]);
        const swapped = await swapNumberedSnapshot(connection, {
          doc,
          base: snapshot?.up_to ?? 0,
          state: built.state,
          stateVector: built.stateVector,
          upTo: head,
          now: this.now(),
        });
        const folded = updates.reduce((sum, u) => sum + u.length, 0);
        return swapped ? { updates: log.length, bytes: folded } : { updates: 0, bytes: 0 };
      } finally {
        await sql`select pg_advisory_unlock(${COMPACTION_LOCK_SPACE}, hashtext(${doc}))`.execute(connection);
      }
    });
  }
}
