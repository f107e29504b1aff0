/** Messages between the doc store (main thread) and its two worker threads. */
import type { WorkerRequest } from '../worker-client.ts';

/** To the log writer: append rows in one transaction, or swap in a built snapshot. */
export type LogWriterRequest =
  | (WorkerRequest & { kind: 'append'; createdAt: number; rows: { doc: string; data: Uint8Array }[] })
  | (WorkerRequest & {
      kind: 'swap';
      doc: string;
      state: Uint8Array;
      stateVector: Uint8Array;
      base: number;
      upTo: number;
      now: number;
    });

/** From the log writer: rows inserted, or 1/0 for whether the snapshot was swapped in. */
export interface LogWriterResult {
  changed: number;
}

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
