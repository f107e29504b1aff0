// Several instances on one PostgreSQL database, linked through Redis (issue 23): clients on
// different instances edit one draft together, see each other's presence, and lose nothing
// when Redis drops messages or restarts. An edit counts as acknowledged once a client of the
// OTHER instance has received it: an instance relays (locally and to Redis) only after COMMIT.
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../helpers/cluster.ts';
import { fragmentText, type CollabClient } from '../../helpers/collab-client.ts';
import { startPrivateRedis, type PrivateRedis } from '../../helpers/outage.ts';
import { readServerDoc } from '../../helpers/stored-doc.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';

let cluster: TestCluster | null = null;
let redis: PrivateRedis | null = null;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.stop();
  cluster = null;
  await redis?.stop();
  redis = null;
});

function connect(
  server: TestServer,
  room: string,
  as: 'editor' | 'coeditor' | 'reader' = 'editor',
): CollabClient {
  const client = server.connect(room, { as });
  clients.push(client);
  return client;
}

/** Types `count` words into paragraph `index`, one transaction each, and returns them. */
function typeWords(client: CollabClient, tag: string, count: number, index: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = `${tag}${i} `;
    client.type(word, index);
    words.push(word);
  }
  return words;
}

describe('scale-out: instances on PostgreSQL and Redis', () => {
  it('clients on two instances edit one draft together and converge, and the log holds it all', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.instances as [TestServer, TestServer];
    const onA = connect(a, 'together');
    const onB = connect(b, 'together', 'coeditor');
    await Promise.all([onA.synced(), onB.synced()]);
    onA.addParagraphs(2);
    await waitFor(() => onB.text() === '\n', 'two paragraphs on B');
    const fromA = typeWords(onA, 'a', 60, 0);
    const fromB = typeWords(onB, 'b', 60, 1);
    await waitFor(
      () => onA.text() === onB.text() && onB.text().includes('a59') && onA.text().includes('b59'),
      'both instances converge',
    );
    expect(onA.text()).toBe(`${fromA.join('')}\n${fromB.join('')}`);
    // A client joining either instance later gets everything in its first sync.
    const late = connect(b, 'together', 'reader');
    await late.synced();
    expect(late.text()).toBe(onA.text());
    const stored = await readServerDoc(
      { dataDir: cluster.dataDir, databaseUrl: cluster.databaseUrl },
      'together',
    );
    expect(fragmentText(stored)).toBe(onA.text());
  });

  it('presence crosses instances, stamped with the server-side identity', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.instances as [TestServer, TestServer];
    const onA = connect(a, 'presence');
    const onB = connect(b, 'presence', 'coeditor');
    await Promise.all([onA.synced(), onB.synced()]);
    onA.provider.awareness.setLocalStateField('cursor', { at: 3 });
    const seenOnB = () =>
      [...onB.provider.awareness.getStates().values()].find(
        (state) => (state as { cursor?: { at: number } }).cursor?.at === 3,
      ) as { user?: { name?: string } } | undefined;
    await waitFor(() => seenOnB() !== undefined, 'A’s cursor on B');
    expect(seenOnB()?.user?.name).toBe('Nguyễn Văn An');
    // Leaving removes it on the other instance too.
    onA.provider.disconnect();
    await waitFor(() => seenOnB() === undefined, 'A’s cursor gone from B');
  });

  it('a Redis restart mid-typing loses nothing: the instances read what they missed from the log', async () => {
    redis = await startPrivateRedis();
    cluster = await startCluster(2, { REDIS_URL: redis.url });
    const [a, b] = cluster.instances as [TestServer, TestServer];
    const onA = connect(a, 'redis-restart');
    const onB = connect(b, 'redis-restart', 'coeditor');
    await Promise.all([onA.synced(), onB.synced()]);
    onA.addParagraphs(2);
    const before = typeWords(onA, 'x', 20, 0);
    await waitFor(() => onB.text().includes('x19'), 'typing reaches B before the restart');
    await redis.kill();
    const during = typeWords(onA, 'y', 20, 0);
    const fromB = typeWords(onB, 'z', 20, 1);
    // With Redis down the instances still meet in the database (the head check).
    await waitFor(
      () => onB.text().includes('y19') && onA.text().includes('z19'),
      'edits cross without Redis',
      15_000,
    );
    await redis.start();
    const after = typeWords(onA, 'w', 20, 0);
    await waitFor(() => onB.text().includes('w19'), 'typing after the restart reaches B', 15_000);
    expect(onB.text()).toBe(`${[...before, ...during, ...after].join('')}\n${fromB.join('')}`);
    expect(onA.text()).toBe(onB.text());
  });
});
