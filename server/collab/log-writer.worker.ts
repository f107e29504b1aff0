/**
 * Worker thread entry: the only writer of the collab tables. Commits (with their fsync)
 * happen here, so the main thread's event loop never stalls on the disk; appends that
 * arrive while a commit is under way go into the next one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { applyPragmas } from '../db/database.ts';
import type { WorkerReply } from '../worker-client.ts';
import { findSnapshot, insertUpdates, replaceSnapshot } from './collab-document.repository.ts';
import type { CollabTables } from './collab-document.table.ts';
import type { LogWriterRequest, LogWriterResult } from './collab-workers.ts';

const { file } = workerData as { file: string };
const sqlite = new BetterSqlite3(file, { fileMustExist: true });
applyPragmas(sqlite); // synchronous=FULL is per connection: assert it here too
const db = new Kysely<CollabTables>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort?.on('message', (request: LogWriterRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});

async function handle(request: LogWriterRequest): Promise<WorkerReply<LogWriterResult>> {
  try {
    if (request.kind === 'append') {
      const rows = request.rows.map(({ doc, data }) => ({ doc, data, created_at: request.createdAt }));
      await db.transaction().execute((trx) => insertUpdates(trx, rows));
      return { id: request.id, changed: rows.length };
    }
    const { doc, base } = request;
    const swapped = await db.transaction().execute(async (trx) => {
      const current = await findSnapshot(trx, doc);
      if ((current?.up_to ?? 0) !== base) return false; // another compaction won
      await replaceSnapshot(trx, request);
      return true;
    });
    return { id: request.id, changed: swapped ? 1 : 0 };
  } catch (error) {
    return { id: request.id, error: (error as Error).message };
  }
}
