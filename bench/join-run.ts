/**
 * The join benchmark against one server kind: seed a draft with a long history, time warm
 * joins (server up, the verifying client still connected), then, for the durable servers (ours
 * and Hocuspocus), cold joins: every client closed, the data stored, SIGTERM, a restart on the
 * same data dir, joins again. Every joiner must end up with the whole content.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { closeClient, connectFor, contentText, waitUntil } from './client.js';
import { measureJoins, seedHistory, type JoinTimes } from './join.js';
import type { JoinRun } from './report-join.js';
import { credentials } from './scenario.js';
import {
  makeTempDir,
  protocolOf,
  removeDir,
  startServer,
  stopServer,
  type Launcher,
  type ServerHandle,
  type ServerKind,
} from './server-process.js';

/** Env for ours while seeding: lift the per-connection rate limit so 20,000 updates get in. */
export const SEED_RATE_ENV: Record<string, string> = {
  RATE_MSGS_PER_SEC: '1000000',
  RATE_MSGS_BURST: '1000000',
  RATE_BYTES_PER_SEC: '1000000000',
};

/** Timed warm joins, after untimed ones that warm the joining client's code (measureJoins). */
const WARM_JOINS = 9;
const WARMUP_JOINS = 2;

/** Hocuspocus' SQLite extension stores into this file (bench/hocuspocus-server.ts). */
const HOCUSPOCUS_DB = 'hocuspocus.sqlite';

/**
 * Waits until Hocuspocus' database holds `room` with exactly `expected` as its content (it
 * stores after a debounce, and at once when the last client leaves). Read-only polling, so
 * the server's own connection is the only writer.
 */
async function waitStored(dataDir: string, room: string, expected: string, timeoutMs: number): Promise<void> {
  const file = path.join(dataDir, HOCUSPOCUS_DB);
  const stored = (): boolean => {
    let db: BetterSqlite3.Database | null = null;
    try {
      db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      const row = db.prepare('select data from documents where name = ?').get(room) as
        { data: Uint8Array } | undefined;
      if (row === undefined) return false;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, row.data);
      const same = contentText(doc) === expected;
      doc.destroy();
      return same;
    } catch {
      return false; // not created yet, or busy: ask again
    } finally {
      db?.close();
    }
  };
  if (!(await waitUntil(stored, timeoutMs, 100))) {
    throw new Error(`hocuspocus did not store ${room} in ${file} within ${timeoutMs} ms`);
  }
}

/** Seeds a draft with `updates` updates, times warm joins and (durable servers) cold joins after a restart. */
export async function runJoin(
  kind: ServerKind,
  updates: number,
  logDir: string,
  launcher: Launcher,
): Promise<JoinRun> {
  const dir = makeTempDir(`vankien-bench-join-${kind}-`);
  const logFile = path.join(logDir, `${kind}-join.log`);
  const room = 'bench-join';
  const seedEnv = kind === 'ours' ? SEED_RATE_ENV : {};
  const connect = await connectFor(protocolOf(kind));
  // One user seeds, verifies and joins (a second user would cost the same access check).
  const [token = ''] = await credentials(kind, dir, 1, [room]);
  let server: ServerHandle | null = await startServer({
    kind,
    dataDir: dir,
    logFile,
    launcher,
    env: seedEnv,
  });
  let verifier: Awaited<ReturnType<typeof seedHistory>>['verifier'] | null = null;
  try {
    const seed = await seedHistory(connect, server.collabUrl, room, token, updates);
    verifier = seed.verifier;
    const warm = await measureJoins(
      connect,
      server.collabUrl,
      room,
      token,
      seed.expected,
      WARM_JOINS,
      WARMUP_JOINS,
    );
    closeClient(verifier);
    verifier = null;
    let cold: JoinTimes | null = null;
    let complete = warm.complete;
    let stop: JoinRun['stop'] = null;
    if (kind !== 'reference') {
      // Ours commits every update before relaying it; Hocuspocus stores on its own schedule.
      if (kind === 'hocuspocus') await waitStored(dir, room, seed.expected, 60_000);
      stop = await stopServer(server);
      server = null;
      // Default settings from here on: the cold join must not benefit from the seeding env.
      server = await startServer({ kind, dataDir: dir, logFile, launcher });
      cold = await measureJoins(connect, server.collabUrl, room, token, seed.expected);
      complete &&= cold.complete;
    }
    return {
      updates: seed.updates,
      paragraphs: seed.paragraphs,
      historyBytes: seed.historyBytes,
      sendMs: seed.sendMs,
      verifyMs: seed.verifyMs,
      warm: warm.ms,
      warmPhases: { open: warm.openMs, answer: warm.answerMs, apply: warm.applyMs },
      cold: cold?.ms ?? null,
      coldPhases: cold === null ? null : { open: cold.openMs, answer: cold.answerMs, apply: cold.applyMs },
      complete,
      stop,
    };
  } finally {
    if (verifier !== null) closeClient(verifier);
    if (server !== null) await stopServer(server);
    removeDir(dir);
  }
}
