// PostgreSQL unreachable (issue 23): writes are refused with "try again later" and nothing is
// acknowledged; when it is back, editors reconnect and their edits arrive. The database is
// cut by a TCP relay in front of the machine's PostgreSQL, which other tests keep using.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import { fragmentText, type CollabClient } from '../../helpers/collab-client.ts';
import { startRelay } from '../../helpers/outage.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../helpers/test-database.ts';
import { startTestServer } from '../../helpers/test-server.ts';
import { waitFor, waitForAsync } from '../../helpers/wait.ts';
import { seedWorkspace } from '../../helpers/workspace.ts';

const ROOM = 'outage';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('refuses writes with 1013 while PostgreSQL is unreachable, acknowledges nothing, and carries on when it is back', async () => {
  const databaseUrl = await createScratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-outage-'));
  const workspace = await seedWorkspace(dataDir, databaseUrl);
  cleanups.push(async () => {
    workspace.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropScratchDatabase(databaseUrl);
  });
  const relay = await startRelay({ host: '127.0.0.1', port: 5432 });
  cleanups.push(() => relay.close());
  const viaRelay = new URL(databaseUrl);
  viaRelay.port = String(relay.port);
  const server = await startTestServer(
    { DATABASE_URL: viaRelay.toString() },
    { reuse: { dataDir, workspace, databaseUrl } },
  );
  cleanups.push(() => server.stop({ keepData: true }));
  const health = async () => (await fetch(`${server.httpUrl}/healthz`)).status;

  const writer = server.connect(ROOM);
  const reader = server.connect(ROOM, { as: 'reader' });
  cleanups.push(() => [writer, reader].forEach((client: CollabClient) => client.destroy()));
  const closes: number[] = [];
  writer.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event !== null) closes.push(event.code);
  });
  await Promise.all([writer.synced(), reader.synced()]);
  writer.type('trước khi mất kết nối. ');
  await waitFor(() => reader.text().includes('trước khi mất'), 'the first sentence relayed');
  expect(await health()).toBe(200);

  relay.cut();
  writer.type('trong lúc mất kết nối. ');
  await waitFor(() => closes.includes(CloseCode.TryAgainLater), 'the writer told to try again later');
  expect(reader.text()).not.toContain('trong lúc');
  expect(await health()).toBe(503);

  relay.restore();
  await waitForAsync(async () => (await health()) === 200, 'the health check back to 200', 15_000);
  // The stock client reconnects by itself and sends what the server lacks.
  await waitFor(() => reader.text().includes('trong lúc mất kết nối.'), 'the held sentence arrives', 20_000);
  writer.type('sau khi có lại.');
  await waitFor(() => reader.text().endsWith('sau khi có lại.'), 'typing carries on');
  const stored = fragmentText(await readServerDoc({ dataDir, databaseUrl }, ROOM));
  expect(stored).toBe('trước khi mất kết nối. trong lúc mất kết nối. sau khi có lại.');
});
