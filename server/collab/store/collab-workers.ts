/** Messages between the doc store (main thread) and its compaction worker thread. */
import type { WorkerRequest } from '../../worker-client.ts';

/** To the snapshot builder: fold the log rows of `doc` with `id <= upTo` into its snapshot. */
export type SnapshotRequest = WorkerRequest & { doc: string; upTo: number };

/** From the snapshot builder: the new state, and which log rows it covers. */
export interface SnapshotResult {
  base: number;
  state: Uint8Array;
  stateVector: Uint8Array;
  count: number;
  bytes: number;
}

/**
 * To the update-log writer: append these updates, packed end to end in `bytes` (transferred,
 * not copied) with `lengths` giving each one's size, in this order.
 */
export type AppendRequest = WorkerRequest & {
  kind: 'append';
  docs: string[];
  lengths: number[];
  bytes: ArrayBuffer;
  createdAt: number;
};

/**
 * From the writer, once the request's rows are committed. Requests that shared one
 * transaction are answered together; the last of them carries the transaction's figures.
 */
export interface AppendResult {
  /** `held`: the writer waited a commit window for company before this transaction. */
  transaction: { updates: number; seconds: number; held: boolean } | null;
}

/**
 * To the writer: replace `doc`'s snapshot with `state` (covering log rows up to `upTo`) and
 * delete the rows it covers, unless another compaction replaced the snapshot since `base`.
 */
export type SwapRequest = WorkerRequest & {
  kind: 'swap';
  doc: string;
  base: number;
  upTo: number;
  state: Uint8Array;
  stateVector: Uint8Array;
  now: number;
};

/** From the writer: whether the snapshot was swapped in. */
export interface SwapResult {
  swapped: boolean;
}

/** What the writer is started with. */
export interface WriterData {
  file: string;
  /** While commits are frequent, how long the writer waits for company before committing. */
  commitWindowMs: number;
}

/** To the snapshot builder of a shared log: fold these updates (packed end to end in `bytes`). */
export type BuildRequest = WorkerRequest & { lengths: number[]; bytes: ArrayBuffer };

/** From the snapshot builder of a shared log. */
export interface BuildResult {
  state: Uint8Array;
  stateVector: Uint8Array;
}

/**
 * Packs updates end to end into one buffer to transfer to a worker: the updates are often
 * views into larger buffers (socket frames, rows), and cloning a view copies its whole buffer.
 */
export function packUpdates(updates: readonly Uint8Array[]): { lengths: number[]; bytes: ArrayBuffer } {
  const lengths = updates.map((data) => data.length);
  const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0));
  let offset = 0;
  for (const data of updates) {
    packed.set(data, offset);
    offset += data.length;
  }
  return { lengths, bytes: packed.buffer };
}
