import type { Kysely } from 'kysely';
import {
  findLastUpdateId,
  findSnapshot,
  findUpdates,
  insertUpdates,
  replaceSnapshot,
} from './collab-document.repository.ts';
import type { CollabTables } from './collab-document.table.ts';
import { CompactionWorker } from './compaction-worker.ts';
import type { CompactionResult, DocStore, StoredDoc } from './doc-store.ts';

interface QueuedAppend {
  readonly doc: string;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The update log and snapshots in SQLite (through Kysely). Appends are group-committed:
 * everything that arrives before the event loop's check phase shares one transaction, so
 * one fsync covers many keystrokes. Compaction builds the snapshot in a worker thread and
 * swaps it in with one transaction on this connection, the only writer.
 */
export class SqliteDocStore implements DocStore {
  private queue: QueuedAppend[] = [];
  private scheduled = false;
  private flushing: Promise<void> | null = null;
  private readonly compactions = new Map<string, Promise<CompactionResult>>();
  private readonly worker: CompactionWorker;

  constructor(
    private readonly db: Kysely<CollabTables>,
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.worker = new CompactionWorker(file);
  }

  async load(doc: string): Promise<StoredDoc> {
    const snapshot = await findSnapshot(this.db, doc);
    const rows = await findUpdates(this.db, doc, snapshot?.up_to ?? 0);
    const log = rows.map((row) => row.data);
    return {
      updates: snapshot === undefined ? log : [snapshot.state, ...log],
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
    await this.worker.close();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing !== null) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase has handed us every message already received.
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const createdAt = this.now();
    try {
      await this.db.transaction().execute((trx) =>
        insertUpdates(
          trx,
          batch.map(({ doc, data }) => ({ doc, data, created_at: createdAt })),
        ),
      );
    } catch (error) {
      // Appends queued behind a failed commit may depend on it: fail them as well.
      const behind = this.queue;
      this.queue = [];
      for (const append of [...batch, ...behind]) append.reject(error);
      return;
    }
    for (const append of batch) append.resolve();
  }

  private async runCompaction(doc: string): Promise<CompactionResult> {
    const upTo = await findLastUpdateId(this.db, doc);
    if (upTo === 0) return { updates: 0, bytes: 0 };
    const built = await this.worker.run(doc, upTo);
    const swapped = await this.db.transaction().execute(async (trx) => {
      const current = await findSnapshot(trx, doc);
      if ((current?.up_to ?? 0) !== built.base) return false; // another compaction won
      await replaceSnapshot(trx, doc, built.state, upTo, this.now());
      return true;
    });
    return swapped ? { updates: built.count, bytes: built.bytes } : { updates: 0, bytes: 0 };
  }
}
