import type { HubEvent, HubRelay } from '../events/event-hub.ts';
import type { RedisCluster } from './redis-cluster.ts';

/**
 * A hub's events over one Redis channel per hub: every instance hears every event of the hub
 * and hands it to the pages open on it that subscribed to its key. Events are notices (the
 * page reloads what changed over REST), so one lost while Redis is away costs a refresh,
 * never data.
 */
export function redisEventRelay(cluster: RedisCluster, hub: string): HubRelay {
  const channel = `events:${hub}`;
  return {
    send(key, event) {
      cluster.publish(channel, Buffer.from(JSON.stringify({ key, ...event })));
    },
    listen(deliver) {
      void cluster.subscribe(channel, (payload) => {
        let message: { key: string } & HubEvent;
        try {
          message = JSON.parse(payload.toString()) as { key: string } & HubEvent;
        } catch {
          return;
        }
        const { key, name, data, orgId } = message;
        deliver(key, { name, data, orgId });
      });
    },
  };
}
