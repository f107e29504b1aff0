/** A document's stored history, as loaded: replaying `updates` in order gives its state. */
export interface StoredDoc {
  /** The snapshot (if any) first, then every logged update after it, in commit order. */
  readonly updates: readonly Uint8Array[];
  /** The state vector of `updates` when it is a lone snapshot (null otherwise). */
  readonly stateVector: Uint8Array | null;
  /** How many log rows (and bytes) are not yet folded into the snapshot. */
  readonly logCount: number;
  readonly logBytes: number;
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
  append(doc: string, update: Uint8Array): Promise<void>;
  /** Folds the log into the snapshot atomically; safe to call while appends continue. */
  compact(doc: string): Promise<CompactionResult>;
  /** Waits for queued appends and in-flight compactions, then releases resources. */
  close(): Promise<void>;
}
