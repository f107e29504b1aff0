/**
 * Worker thread entry: builds a document's new snapshot off the main thread, so compacting
 * a large draft never blocks typing. Read-only; the log writer swaps the result in.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { WorkerReply } from '../../worker-client.ts';
import { readHistory } from '../store/collab-document.repository.ts';
import type { Database } from '../../db/database.ts';
import type { SnapshotRequest, SnapshotResult } from '../store/collab-workers.ts';
import { buildSnapshot } from '../store/snapshot-builder.ts';
import { lowerThreadPriority } from '../../worker-priority.ts';

lowerThreadPriority();

const { file } = workerData as { file: string };
const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort?.on('message', (request: SnapshotRequest) => {
  void handle(request).then((reply) => {
    const transfer = 'state' in reply ? [reply.state.buffer as ArrayBuffer] : [];
    parentPort?.postMessage(reply, transfer);
  });
});

async function handle({ id, doc, upTo }: SnapshotRequest): Promise<WorkerReply<SnapshotResult>> {
  try {
    const { snapshot, rows } = await readHistory(db, doc, upTo);
    const base = snapshot?.up_to ?? 0;
    const updates = rows.map((row) => row.data);
    const built = buildSnapshot(snapshot === undefined ? updates : [snapshot.state, ...updates]);
    const bytes = updates.reduce((sum, u) => sum + u.length, 0);
    return { id, base, ...built, count: rows.length, bytes };
  } catch (error) {
    return { id, error: (error as Error).message };
  }
}
