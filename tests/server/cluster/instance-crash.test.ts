// kill -9 of one instance while its client types (issue 23): every character a client of the
// other instance had received is in the shared log, and the other instance's clients never
// stop. Both instances are child processes on one PostgreSQL database, linked through Redis.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { spawnServer, stopAllChildServers } from '../../helpers/child-server.ts';
import { TEST_REDIS_URL } from '../../helpers/cluster.ts';
import { fragmentText, type CollabClient } from '../../helpers/collab-client.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../helpers/test-database.ts';
import { waitFor } from '../../helpers/wait.ts';
import { seedWorkspace } from '../../helpers/workspace.ts';

const ROOM = 'instance-crash';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Paragraph `index` of a client's draft. */
const paragraph = (client: CollabClient, index: number): string => client.text().split('\n')[index] ?? '';

/** Types one character at a time into paragraph `index` until stopped (as fast as a fast typist). */
function keepTyping(client: CollabClient, index: number, letters: string, everyMs: number): () => void {
  let i = 0;
  const timer = setInterval(() => client.type(letters[i++ % letters.length]!, index), everyMs);
  return () => clearInterval(timer);
}

it('a kill -9 of one instance loses no character the other instance had relayed, and the other carries on', async () => {
  const databaseUrl = await createScratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-crash-'));
  cleanups.push(async () => {
    await stopAllChildServers();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropScratchDatabase(databaseUrl);
  });
  const seeded = await seedWorkspace(dataDir, databaseUrl);
  seeded.draft(ROOM);
  seeded.close();
  const workspace = { users: seeded.users, password: seeded.password, drafts: [ROOM] };
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL };
  const a = await spawnServer({ dataDir, workspace, env });
  const b = await spawnServer({ dataDir, workspace, env });

  const typist = a.connect(ROOM);
  const colleague = b.connect(ROOM, { as: 'coeditor' });
  const observer = b.connect(ROOM, { as: 'reader' });
  cleanups.push(() => {
    for (const client of [typist, colleague, observer]) client.destroy();
  });
  await Promise.all([typist.synced(), colleague.synced(), observer.synced()]);
  typist.addParagraphs(2);
  await waitFor(() => observer.text() === '\n', 'two paragraphs on the other instance');
  const stops = [keepTyping(typist, 0, 'đảngbộ', 4), keepTyping(colleague, 1, 'chibộ', 15)];
  cleanups.push(() => stops.forEach((stop) => stop()));

  // Killed mid-typing, once the other instance has relayed a good stretch of it.
  await waitFor(() => paragraph(observer, 0).length >= 150, 'typing relayed to the other instance', 20_000);
  a.kill('SIGKILL');
  await a.exited;
  const received = paragraph(observer, 0);
  stops[0]!();

  // The other instance's clients never stop: the colleague's typing keeps reaching the observer.
  const colleagueBefore = paragraph(observer, 1).length;
  await waitFor(
    () => paragraph(observer, 1).length >= colleagueBefore + 30,
    'the colleague keeps typing',
    10_000,
  );
  stops[1]!();

  // Every relayed character is in the log; a fresh client gets exactly what the log holds.
  const storedText = fragmentText(await readServerDoc({ dataDir, databaseUrl }, ROOM));
  expect(storedText.split('\n')[0]!.startsWith(received)).toBe(true);
  const fresh = b.connect(ROOM, { as: 'reader' });
  cleanups.push(() => fresh.destroy());
  await fresh.synced();
  await waitFor(() => fresh.text() === colleague.text(), 'a fresh client matches the colleague');
  const finalLog = fragmentText(await readServerDoc({ dataDir, databaseUrl }, ROOM));
  expect(fresh.text()).toBe(finalLog);
});
