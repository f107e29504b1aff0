/**
 * Worker thread entry: the update log's writer. It owns its own connection to the database
 * and commits what the main thread hands it, so a commit and its fsync never block the event
 * loop that serves live editors (R14: a batch is acknowledged, and only then relayed, once it
 * is durable). Requests that reach the writer while it commits share the next transaction:
 * the slower the disk, the bigger the batches (group commit). Compaction's snapshot swaps run
 * here too, in order with the appends, so deleting folded rows never stalls the event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { applyPragmas, openKysely } from '../../db/sqlite.ts';
import type { WorkerReply } from '../../worker-client.ts';
import { findSnapshot, prepareAppend, replaceSnapshot } from '../store/collab-document.repository.ts';
import type { NewCollabUpdateRow } from '../store/collab-document.table.ts';
import type {
  AppendRequest,
  AppendResult,
  SwapRequest,
  SwapResult,
  WriterData,
} from '../store/collab-workers.ts';

/** Commits are "frequent" when the last one was less than this many windows ago. */
const QUIET_WINDOWS = 10;

const { file, commitWindowMs } = workerData as WriterData;
const sqlite = new BetterSqlite3(file, { fileMustExist: true });
applyPragmas(sqlite);
const db = openKysely(sqlite);
const appendRows = prepareAppend(db, sqlite);

let queue: (AppendRequest | SwapRequest)[] = [];
let scheduled = false;
let lastCommitAt = -Infinity;
/** Batches run one after another, whatever a swap awaits. */
let running: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: AppendRequest | SwapRequest) => {
  queue.push(request);
  if (scheduled) return;
  scheduled = true;
  // Wait for company only when there is some (as PostgreSQL's commit_delay does with
  // commit_siblings): a lone keystroke after a pause commits at once.
  const held = commitWindowMs > 0 && performance.now() - lastCommitAt < commitWindowMs * QUIET_WINDOWS;
  const run = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    running = running.then(() => handle(batch, held));
  };
  // setImmediate runs after the poll phase has delivered every message already posted.
  if (held) setTimeout(run, commitWindowMs);
  else setImmediate(run);
});

/** Runs a batch in arrival order: consecutive appends share one transaction. */
async function handle(batch: (AppendRequest | SwapRequest)[], held: boolean): Promise<void> {
  let appends: AppendRequest[] = [];
  for (const request of batch) {
    if (request.kind === 'append') {
      appends.push(request);
      continue;
    }
    commit(appends, held);
    appends = [];
    await swap(request);
  }
  commit(appends, held);
}

function commit(batch: readonly AppendRequest[], held: boolean): void {
  if (batch.length === 0) return;
  const rows: NewCollabUpdateRow[] = [];
  for (const { docs, lengths, bytes, createdAt } of batch) {
    let offset = 0;
    for (const [i, doc] of docs.entries()) {
      const length = lengths[i] ?? 0;
      rows.push({ doc, data: new Uint8Array(bytes, offset, length), created_at: createdAt });
      offset += length;
    }
  }
  const started = performance.now();
  let failure: string | null = null;
  try {
    if (rows.length > 0) appendRows(rows);
  } catch (error) {
    // One transaction: all of the batch failed, nothing of it is stored.
    failure = (error as Error).message;
  }
  const ended = performance.now();
  if (rows.length > 0) lastCommitAt = ended;
  const seconds = (ended - started) / 1000;
  batch.forEach(({ id }, i) => {
    const last = i === batch.length - 1 && rows.length > 0;
    const reply: WorkerReply<AppendResult> =
      failure !== null
        ? { id, error: failure }
        : { id, transaction: last ? { updates: rows.length, seconds, held } : null };
    parentPort?.postMessage(reply);
  });
}

async function swap({ id, doc, base, upTo, state, stateVector, now }: SwapRequest): Promise<void> {
  let reply: WorkerReply<SwapResult>;
  try {
    const swapped = await db.transaction().execute(async (trx) => {
      const current = await findSnapshot(trx, doc);
      if ((current?.up_to ?? 0) !== base) return false; // another compaction won
      await replaceSnapshot(trx, { doc, state, stateVector, upTo, now });
      return true;
    });
    reply = { id, swapped };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
}
