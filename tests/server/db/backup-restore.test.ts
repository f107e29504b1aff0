// Backup while people edit, restore into a fresh server: the operator's round trip, through
// the real CLI process beside a real server and stock y-websocket clients.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fragmentText, newCollabClient } from '../../helpers/collab-client.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';
import { openCliHarness, spawnCli } from '../cli/cli-harness.ts';
import { consultation } from '../comments/consultation.ts';
import { writeInSection } from '../drafts/draft-text-helpers.ts';

const bed = useTestbed();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const typedCount = (text: string) => (text.match(/ t\d+/g) ?? []).length;

/** Hashes of what the API answers about a draft's comments and versions, and the drafts' identity. */
async function recordsOf(server: TestServer, draftId: string): Promise<Record<string, string>> {
  const token = server.workspace.users.editor.token;
  const body = async (p: string) => (await api(server, p, { token })).json() as Promise<unknown>;
  const drafts = (await body('/drafts')) as { drafts: { id: string; title: string; status: string }[] };
  return {
    drafts: sha(JSON.stringify(drafts.drafts.map((d) => [d.id, d.title, d.status]))),
    comments: sha(JSON.stringify(await body(`/drafts/${draftId}/comments`))),
    versions: sha(JSON.stringify(await body(`/drafts/${draftId}/versions`))),
  };
}

describe('backup and restore', () => {
  it('a backup taken while editors type restores into a fresh server with equal drafts, comments and versions', async () => {
    const { server, draftId, writer, call } = await consultation(bed);
    for (const [as, body] of [
      ['commenter', 'Nêu số liệu cụ thể.'],
      ['commenter2', 'Bổ sung giải pháp.'],
    ] as const)
      expect(
        (await call(as, '/comments', { body: { kind: 'comment', body, sectionId: 'p1-chi-tieu' } })).status,
      ).toBe(201);
    const records = await recordsOf(server, draftId);

    // The writer types the next word each time the watcher received the last one, so typing
    // never stops during the backup; the server relays only committed updates, so every text
    // the watcher sees is acknowledged.
    const watcher = bed.connect(draftId, { as: 'coeditor' });
    await watcher.synced();
    const seen = new Set([sha(fragmentText(watcher.doc))]);
    let typing = true;
    let n = 0;
    const typeNext = () => {
      if (typing) writeInSection(writer.doc, 'p2-du-bao', ` t${n++}`);
    };
    watcher.doc.on('update', () => {
      seen.add(sha(fragmentText(watcher.doc)));
      typeNext();
    });
    typeNext();
    await waitFor(() => typedCount(fragmentText(watcher.doc)) >= 20, 'typing under way');

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-backup-')), 'copy.db');
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
    const acknowledgedBefore = typedCount(fragmentText(watcher.doc));
    const backup = await spawnCli(server.dataDir, ['backup', file]);
    const typedDuring = typedCount(fragmentText(watcher.doc)) - acknowledgedBefore;
    typing = false;
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain(`to ${file}`);
    await waitFor(() => fragmentText(watcher.doc) === fragmentText(writer.doc), 'the last word');

    // The running server's database cannot be replaced under it.
    const refused = await spawnCli(server.dataDir, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is in use \(is the server running\?\)/);

    const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-restored-'));
    cleanups.push(() => fs.rmSync(freshDir, { recursive: true, force: true }));
    const restored = await spawnCli(freshDir, ['restore', file]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const fresh = await startTestServer({}, { reuse: { dataDir: freshDir, workspace: server.workspace } });
    cleanups.push(() => fresh.stop({ keepData: true }));

    expect(await recordsOf(fresh, draftId)).toEqual(records);
    const reader = newCollabClient(fresh.wsUrl, draftId, { token: fresh.workspace.users.editor.token });
    cleanups.push(() => reader.destroy());
    await reader.synced();
    const text = fragmentText(reader.doc);
    // A state the watcher saw (acknowledged), holding at least everything acknowledged before.
    expect(seen.has(sha(text))).toBe(true);
    expect(typedCount(text)).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(typedDuring).toBeGreaterThan(0);
  });

  it('restore refuses a file that is not a vankien database with exit 1 and a clear error, and keeps the database', async () => {
    const cli = await openCliHarness();
    cleanups.push(() => cli.close());
    await cli.services.orgs.create({ kind: 'bloc', name: 'Đảng bộ Khối', shortName: 'ĐBK', parentId: null });
    const junk = path.join(cli.dataDir, 'junk.db');
    fs.writeFileSync(junk, 'this is not a database, only text that looks nothing like one\n'.repeat(100));
    const notSqlite = await cli.spawn('restore', junk);
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toMatch(/^error: .*junk\.db is not a SQLite database/);

    const other = path.join(cli.dataDir, 'other.db');
    const foreign = new BetterSqlite3(other);
    foreign.exec('create table notes (body text)');
    foreign.close();
    const notOurs = await cli.spawn('restore', other);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toMatch(/other\.db is not a vankien database \(no migrations\)/);

    expect((await cli.services.orgs.list()).map((o) => o.shortName)).toEqual(['ĐBK']);
    expect(fs.readdirSync(cli.dataDir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
