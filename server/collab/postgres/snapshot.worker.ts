/**
 * Worker thread entry: folds updates it is handed into one snapshot, off the main thread, for
 * stores whose history the worker cannot read itself (PostgreSQL: the main thread reads the
 * rows without blocking and hands them over, packed in one transferred buffer).
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from '../../worker-client.ts';
import type { BuildRequest, BuildResult } from '../store/collab-workers.ts';
import { buildSnapshot } from '../store/snapshot-builder.ts';
import { lowerThreadPriority } from '../../worker-priority.ts';

lowerThreadPriority();

parentPort?.on('message', ({ id, lengths, bytes }: BuildRequest) => {
  let reply: WorkerReply<BuildResult>;
  try {
    const updates: Uint8Array[] = [];
    let offset = 0;
    for (const length of lengths) {
      updates.push(new Uint8Array(bytes, offset, length));
      offset += length;
    }
    reply = { id, ...buildSnapshot(updates) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply, 'state' in reply ? [reply.state.buffer as ArrayBuffer] : []);
});
