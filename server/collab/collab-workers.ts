/** Messages between the doc store (main thread) and its compaction worker thread. */
import type { WorkerRequest } from '../worker-client.ts';

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
