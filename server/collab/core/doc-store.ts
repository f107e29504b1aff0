/** A document's stored history, as loaded: replaying `updates` in order gives its state. */
export interface StoredDoc {
  /** The snapshot (if any) first, then every logged update after it, in commit order. */
  readonly updates: readonly Uint8Array[];
  /** The state vector of `updates` when it is a lone snapshot (null otherwise). */
  readonly stateVector: Uint8Array | null;
  /** How many log rows (and bytes) are not yet folded into the snapshot. */
  readonly logCount: number;
  readonly logBytes: number;
  /** In a shared log ({@link SharedLog}): the number of the last update `updates` includes. */
  readonly head?: number;
}

/** A numbered update of a shared log. */
export interface NumberedUpdate {
  readonly seq: number;
  readonly data: Uint8Array;
}

/**
 * A log that several instances append to (PostgreSQL): each document's updates are numbered
 * 1, 2, 3… in commit order, so an instance that has applied up to n can fetch what it missed.
 */
export interface SharedLog {
  /** Updates of `doc` numbered above `after`, in order. */
  since(doc: string, after: number): Promise<NumberedUpdate[]>;
  /** How far each document's log is numbered (documents with no update are absent). */
  heads(docs: readonly string[]): Promise<Map<string, number>>;
}

/** How much of the log one compaction folded into the snapshot. */
export interface CompactionResult {
  readonly updates: number;
  readonly bytes: number;
}

/**
 * Where the collaboration core keeps documents. `append` resolves only once the update is
 * durable (committed), so a room can persist before it relays; appends that arrive
 * together may share one commit. If a commit fails, every append of it fails and nothing of
 * it is stored, so no stored update can depend on one that was lost.
 */
export interface DocStore {
  /** Resolves once the store can take appends (e.g. its writer has opened the database). */
  ready(): Promise<void>;
  load(doc: string): Promise<StoredDoc>;
  /**
   * Resolves once the update is durable: with its number in a shared log, or null in a store
   * only this instance writes to.
   */
  append(doc: string, update: Uint8Array): Promise<number | null>;
  /** Set when other instances append to the same log. */
  readonly shared?: SharedLog | undefined;
  /** Folds the log into the snapshot atomically; safe to call while appends continue. */
  compact(doc: string): Promise<CompactionResult>;
  /** Waits for queued appends and in-flight compactions, then releases resources. */
  close(): Promise<void>;
}
