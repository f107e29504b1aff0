import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { spawnServer, stopAllChildServers } from '../../helpers/child-server.ts';
import { fragmentText, type CollabClient } from '../../helpers/collab-client.ts';
import { readStoredDoc } from '../../helpers/stored-doc.ts';
import { waitFor } from '../../helpers/wait.ts';

const clients: CollabClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await stopAllChildServers();
});

describe('graceful shutdown', () => {
  // The time bound of R20 is the server's own: past SHUTDOWN_TIMEOUT_MS (8 s by default) it exits
  // with code 1 (server/main.ts), so exit code 0 says the work finished in time; no stopwatch here.
  it('SIGTERM while clients type: sockets get 1001, every relayed edit is stored, exit 0 before the shutdown deadline', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-term-'));
    const server = await spawnServer({ dataDir, drafts: ['term'] });
    const [typist, watcher] = [server.connect('term'), server.connect('term', { as: 'coeditor' })];
    clients.push(typist, watcher);
    await Promise.all([typist.synced(), watcher.synced()]);
    typist.addParagraphs(1);
    const closeCodes: number[] = [];
    for (const c of [typist, watcher]) {
      c.provider.on('connection-close', (event: { code: number } | null) => {
        if (event) closeCodes.push(event.code);
      });
    }
    let n = 0;
    const typing = setInterval(() => typist.type(`${n++} `), 5);
    // The kill lands while typing is under way: edits are in flight between typist, server and store.
    await waitFor(() => watcher.text().length > 50, 'the watcher to receive some typing');
    server.kill('SIGTERM');
    const exit = await server.exited;
    clearInterval(typing);
    const seenByWatcher = watcher.text();
    for (const c of clients) c.provider.disconnect();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(closeCodes).toContain(CloseCode.GoingAway);
    const file = path.join(dataDir, 'vankien.db');
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0); // checkpointed
    const sqlite = new BetterSqlite3(file, { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
    const stored = fragmentText(readStoredDoc(file, 'term'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(seenByWatcher.length).toBeGreaterThan(10);
    expect(stored.startsWith(seenByWatcher)).toBe(true);
  });
});
