import type { CompactionResult, StoredDoc } from '../core/doc-store.ts';

/**
 * What the SQLite and PostgreSQL doc stores share: the queue of appends waiting for a commit,
 * one compaction per document at a time, and the shape of a loaded history. Each store keeps
 * its own commit discipline (SQLite hands batches to its writer thread; PostgreSQL commits one
 * batch at a time) and its own SQL.
 */

/** An append waiting for the commit of its batch; `Seq` is what the store answers with. */
interface QueuedAppend<Seq> {
  readonly doc: string;
  readonly data: Uint8Array;
  readonly resolve: (seq: Seq) => void;
  readonly reject: (error: unknown) => void;
}

/** Appends gathered until the store commits them together. */
export class AppendQueue<Seq> {
  private queue: QueuedAppend<Seq>[] = [];

  get size(): number {
    return this.queue.length;
  }

  /** Queues an append; it settles when its batch does ({@link AppendBatch}). */
  add(doc: string, data: Uint8Array): Promise<Seq> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, data, resolve, reject });
    });
  }

  /** Everything queued so far, as one batch; the queue starts empty again. */
  take(): AppendBatch<Seq> {
    const batch = this.queue;
    this.queue = [];
    return new AppendBatch(batch);
  }
}

/** Appends committed in one transaction: all of them succeed, or all fail and none is stored. */
export class AppendBatch<Seq> {
  constructor(private readonly appends: readonly QueuedAppend<Seq>[]) {}

  get length(): number {
    return this.appends.length;
  }

  /** The documents and updates, in queue order. */
  get rows(): readonly { readonly doc: string; readonly data: Uint8Array }[] {
    return this.appends;
  }

  /** Settles each append with its answer (`seqs[i]` for the i-th one). */
  committed(seq: (index: number) => Seq): void {
    this.appends.forEach((append, i) => append.resolve(seq(i)));
  }

  /** One transaction: all of the batch failed, nothing of it is stored. */
  failed(error: unknown): void {
    for (const append of this.appends) append.reject(error);
  }
}

/** Runs at most one compaction per document: a second request joins the running one. */
export class CompactionRuns {
  private readonly running = new Map<string, Promise<CompactionResult>>();

  run(doc: string, compact: () => Promise<CompactionResult>): Promise<CompactionResult> {
    let running = this.running.get(doc);
    if (running === undefined) {
      running = compact().finally(() => this.running.delete(doc));
      this.running.set(doc, running);
    }
    return running;
  }

  /** Resolves once every compaction running now has settled. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  /** The compactions running now. */
  values(): IterableIterator<Promise<CompactionResult>> {
    return this.running.values();
  }
}

/** A loaded history: the snapshot (if any) first, then the log rows after it. */
export function storedDoc(
  snapshot: { readonly state: Uint8Array; readonly state_vector: Uint8Array } | undefined,
  rows: readonly { readonly data: Uint8Array }[],
): StoredDoc {
  const log = rows.map((row) => row.data);
  return {
    updates: snapshot === undefined ? log : [snapshot.state, ...log],
    stateVector: snapshot !== undefined && log.length === 0 ? snapshot.state_vector : null,
    logCount: log.length,
    logBytes: log.reduce((sum, u) => sum + u.length, 0),
  };
}
