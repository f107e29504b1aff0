// The kill -9 drill (R14, R16): two stock y-websocket clients (two users
// with write access) type into one draft, the server process is SIGKILLed at a random
// moment and restarted on the same data.
// An edit counts as acknowledged once the OTHER client has received it (the server relays
// only after the commit), so every such character must survive, already in the first sync
// answer of a fresh client; the file must pass integrity_check and its log must replay to
// exactly what the restarted server serves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../server/db/database.ts';
import { spawnServer, stopAllChildServers, type ChildServer } from '../../helpers/child-server.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';
import type { Persona } from '../../helpers/workspace.ts';
import { fingerprint, readStoredLogCopy, replay, type DocFingerprint } from './fixtures/stored-log.ts';
import { seededRandom } from './fixtures/update-stream.ts';

const ROOM = 'crash-drill';
const ROUNDS = 5;
/** Rounds (0-based) that compact every 50 rows, so kills land during and around compactions. */
const COMPACTING_ROUNDS = new Set([1, 3]);
/** Fixed, so the kill moments of a failing run can be replayed (up to scheduling noise). */
const SEED = 0x5eed_0014;
const ALPHABETS = ['abcdefghijklmnopqrstuvwxyz', 'ĐảngbộlãnhđạotoàndiệnnhiệmkỳĐẠIHỘI'];

let dataDir: string | null = null;
const clients: CollabClient[] = [];
const stopTyping: Array<() => void> = [];

afterEach(async () => {
  for (const stop of stopTyping.splice(0)) stop();
  for (const client of clients.splice(0)) client.destroy();
  await stopAllChildServers();
  if (dataDir !== null) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

/** A stock client on the drill's draft, destroyed after the test. */
function connect(server: ChildServer, as: Persona = 'editor'): CollabClient {
  const client = server.connect(ROOM, { as });
  clients.push(client);
  return client;
}

/** The configuration of the server life in which `round` types and is killed. */
function serverEnv(round: number): Record<string, string> {
  return COMPACTING_ROUNDS.has(round) ? { COMPACT_AFTER_UPDATES: '50', COMPACT_MIN_INTERVAL_MS: '0' } : {};
}

/** How many characters at the end of `received` are missing from `restored` (which must start with it). */
function lostChars(received: string, restored: string): number {
  let same = 0;
  while (same < received.length && received[same] === restored[same]) same++;
  return received.length - same;
}

/** Destroys a client now rather than after the test. */
function dispose(client: CollabClient): void {
  clients.splice(clients.indexOf(client), 1);
  client.destroy();
}

/** The draft's paragraphs as one client currently sees them. */
function paragraphs(client: CollabClient): string[] {
  return client.text().split('\n');
}

/** Types one character every 5–20 ms at the end of paragraph `index`, connected or not, until stopped. */
function startTyping(client: CollabClient, index: number, alphabet: string): () => void {
  let timer: NodeJS.Timeout | undefined;
  let n = 0;
  const tick = (): void => {
    client.type(alphabet[n++ % alphabet.length]!, index);
    timer = setTimeout(tick, 5 + Math.random() * 15);
  };
  tick();
  const stop = (): void => clearTimeout(timer);
  stopTyping.push(stop);
  return stop;
}

/** The text and state of a fresh client exactly when its first sync answer has been applied. */
function atFirstSync(client: CollabClient): Promise<{ text: string; state: DocFingerprint }> {
  return new Promise((resolve) => {
    const onSync = (synced: boolean): void => {
      if (!synced) return;
      client.provider.off('sync', onSync);
      resolve({ text: client.text(), state: fingerprint(client.doc) });
    };
    client.provider.on('sync', onSync);
  });
}

/** SIGKILLs the server from inside `watcher`'s handler of the next edit it receives from the server. */
function killAtNextRelay(server: ChildServer, watcher: CollabClient): Promise<void> {
  return new Promise((resolve) => {
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      if (origin !== watcher.provider) return; // its own keystroke, not a relayed one
      watcher.doc.off('update', onUpdate);
      server.kill('SIGKILL');
      resolve();
    };
    watcher.doc.on('update', onUpdate);
  });
}

/** Whether process `pid` has `file` open (Linux /proc); null where that cannot be checked. */
function holdsFile(pid: number, file: string): boolean | null {
  if (process.platform !== 'linux') return null;
  const dir = `/proc/${pid}/fd`;
  const target = fs.realpathSync(file); // /proc shows resolved paths
  return fs.readdirSync(dir).some((fd) => {
    try {
      return fs.readlinkSync(path.join(dir, fd)) === target;
    } catch {
      return false; // closed meanwhile
    }
  });
}

/** The snapshot's up_to as the live server has committed it, read through a separate reader connection. */
function liveSnapshotUpTo(file: string): number {
  const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const row = reader.prepare('SELECT up_to FROM collab_snapshots WHERE doc = ?').get(ROOM) as
      { up_to: number } | undefined;
    return row?.up_to ?? 0;
  } finally {
    reader.close();
  }
}

/** Resolves with the promise's value, or rejects with `what` after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('crash recovery of the collaboration server', () => {
  it('a kill -9 loses no character another client had received', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-crash-'));
    const file = databaseFile(dataDir);
    const random = seededRandom(SEED);
    let server: ChildServer = await spawnServer({ dataDir, drafts: [ROOM], env: serverEnv(0) });
    const { workspace } = server;
    const typists = [connect(server), connect(server, 'coeditor')] as const;
    await Promise.all(typists.map((t) => t.synced()));
    typists[0].addParagraphs(2);
    await waitFor(() => typists.every((t) => paragraphs(t).length === 2), 'both typists to see 2 paragraphs');
    let received = ['', ''];
    let compactedUpTo = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const where = `round ${round + 1}/${ROUNDS} (seed ${SEED})`;
      const compacting = COMPACTING_ROUNDS.has(round);
      expect(holdsFile(server.pid, file), `${where}: the pid to kill holds the database`).not.toBe(false);

      const stops = typists.map((t, i) => startTyping(t, i, ALPHABETS[i]!));
      if (compacting) {
        // Let a compaction commit in this server life first (the worker boots lazily and
        // slowly under tsx); then the kill lands somewhere in the cycle of the next ones.
        const before = compactedUpTo;
        await waitFor(() => liveSnapshotUpTo(file) > before, `${where}: a compaction to commit`, 15_000);
        await sleep(random() * 400);
        server.kill('SIGKILL');
      } else {
        // Right as a relayed edit arrives: had it been relayed before its commit, it would be lost.
        await sleep(300 + random() * 1200);
        await within(killAtNextRelay(server, typists[1]), 5000, `${where}: an edit to arrive`);
      }
      const exit = await within(server.exited, 5000, `${where}: the server to die`);
      expect(exit.signal).toBe('SIGKILL');
      await waitFor(() => typists.every((t) => !t.provider.wsconnected), `${where}: typists to notice`);
      // Only now: whatever the server had sent before dying has been applied by then.
      for (const stop of stops) stop();
      for (const t of typists) t.provider.disconnect();
      await expect(
        fetch(`${server.httpUrl}/healthz`),
        `${where}: nothing serves the old port`,
      ).rejects.toThrow();

      const typed = typists.map((t, i) => paragraphs(t)[i]!);
      const seenByOther = typists.map((_, i) => paragraphs(typists[1 - i]!)[i]!);
      for (const i of [0, 1]) {
        // Guards against a vacuous drill: this round's typing reached the other client.
        expect(seenByOther[i]!.length, `${where}: paragraph ${i} relayed this round`).toBeGreaterThan(
          received[i]!.length,
        );
      }
      received = seenByOther;

      const stored = readStoredLogCopy(file, ROOM);
      expect(stored.integrity, `${where}: integrity_check`).toBe('ok');
      expect(
        stored.rowIds.filter((id) => id <= stored.upTo),
        `${where}: no log row left that the snapshot covers`,
      ).toEqual([]);
      const storedState = fingerprint(replay(stored.updates));
      expect(storedState.pending, `${where}: the stored log has no gap`).toBe(false);
      if (compacting)
        expect(stored.upTo, `${where}: the compaction seen live is in the file`).toBeGreaterThan(
          compactedUpTo,
        );
      compactedUpTo = stored.upTo;

      server = await spawnServer({ dataDir, workspace, env: serverEnv(round + 1) });
      const fresh = connect(server);
      const first = await within(atFirstSync(fresh), 10_000, `${where}: the fresh client's first sync`);
      const restored = first.text.split('\n');
      for (const i of [0, 1]) {
        const lost = lostChars(received[i]!, restored[i]!);
        const counts = `${received[i]!.length} relayed, ${restored[i]!.length} restored`;
        expect(lost, `${where}: relayed characters of paragraph ${i} lost (${counts})`).toBe(0);
        expect(typed[i]!.startsWith(restored[i]!), `${where}: paragraph ${i} holds only typed text`).toBe(
          true,
        );
      }
      expect(first.state, `${where}: the log replays to what the server serves`).toEqual(storedState);
      dispose(fresh);

      // Reconnect the typists to the new address: the stock client resends what the server lacks.
      for (const t of typists) {
        t.provider.serverUrl = server.wsUrl;
        t.provider.connect();
      }
      await Promise.all(typists.map((t) => t.synced()));
      const probe = connect(server);
      const everything = typed.join('\n');
      await waitFor(
        () => [...typists, probe].every((c) => c.text() === everything),
        `${where}: typists and a probe to converge on everything typed`,
      );
      dispose(probe);
    }

    // Finally a clean stop: the file must still be sound with the typists' resent edits in it.
    const final = typists[0].text();
    for (const t of typists) t.provider.disconnect();
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    const stored = readStoredLogCopy(file, ROOM);
    expect(stored.integrity).toBe('ok');
    expect(fingerprint(replay(stored.updates)).text).toBe(final);
  });
});
