import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { spawnServer, stopAllChildServers } from '../../helpers/child-server.ts';
import { fragmentText, type CollabClient } from '../../helpers/collab-client.ts';
import { readStoredDoc } from '../../helpers/stored-doc.ts';
import { sleep, waitFor } from '../../helpers/wait.ts';

const clients: CollabClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await stopAllChildServers();
});

describe('graceful shutdown', () => {
  it('SIGTERM while clients type: sockets get 1001, every relayed edit is stored, exit 0 within 10 s', async () => {
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
    await waitFor(() => watcher.text().length > 50, 'the watcher to receive some typing');
    await sleep(100);
    const started = Date.now();
    server.kill('SIGTERM');
    const exit = await server.exited;
    clearInterval(typing);
    const seenByWatcher = watcher.text();
    for (const c of clients) c.provider.disconnect();

    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
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
