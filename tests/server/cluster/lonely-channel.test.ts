// A channel only one instance listens on is not published to (issue 23: where the proxy keeps a
// draft's editors on one instance, its edits need not cross Redis), and an instance that starts
// listening is heard at once. Real Redis at 127.0.0.1:6379, under a scope of the test's own.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisCluster } from '../../../server/cluster/redis-cluster.ts';
import { systemClock } from '../../../server/time/clock.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { waitFor } from '../../helpers/wait.ts';

const REDIS_URL = process.env.VANKIEN_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const open: RedisCluster[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((cluster) => cluster.close()));
});

function instance(scope: string): RedisCluster {
  const cluster = new RedisCluster(REDIS_URL, scope, captureLogger(), systemClock);
  open.push(cluster);
  return cluster;
}

/** Publishes until one is skipped: the answers to the first ones have marked the channel lonely. */
async function publishUntilSkipped(cluster: RedisCluster, channel: string): Promise<void> {
  const before = cluster.skippedPublishes;
  await waitFor(() => {
    cluster.publish(channel, Buffer.from('probe'));
    return cluster.skippedPublishes > before;
  }, 'a publish skipped');
}

describe('Redis channels with one listener', () => {
  it('an instance alone on a channel stops publishing, and publishes again once the next instance says hello', async () => {
    const scope = `test-${randomBytes(4).toString('hex')}`;
    const a = instance(scope);
    await a.subscribe('doc:x', () => undefined);
    await publishUntilSkipped(a, 'doc:x');

    // B starts listening: its hello reaches A before B's subscribe resolves to the caller
    // that then reads the log, so A's next message is published and B receives it.
    const b = instance(scope);
    const heard: string[] = [];
    await b.subscribe('doc:x', (payload) => heard.push(payload.toString()));
    await waitFor(() => {
      if (heard.length === 0) a.publish('doc:x', Buffer.from('after hello'));
      return heard.includes('after hello');
    }, 'B hears A after its hello');
    const skipped = a.skippedPublishes;
    a.publish('doc:x', Buffer.from('second'));
    await waitFor(() => heard.includes('second'), 'B hears the next one too');
    expect(a.skippedPublishes).toBe(skipped);

    // B leaves: A's next answers count only itself, and it goes quiet again.
    await b.close();
    await publishUntilSkipped(a, 'doc:x');
  });

  it('channels an instance does not listen on are always published to', async () => {
    const scope = `test-${randomBytes(4).toString('hex')}`;
    const a = instance(scope);
    const b = instance(scope);
    const heard: string[] = [];
    await b.subscribe('events:x', (payload) => heard.push(payload.toString()));
    for (let i = 0; i < 5; i++) a.publish('events:x', Buffer.from(`event ${i}`));
    await waitFor(() => heard.length === 5, 'five events');
    expect(a.skippedPublishes).toBe(0);
  });
});
