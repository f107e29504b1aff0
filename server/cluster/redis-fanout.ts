import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Fanout, FanoutChannel, RemoteMessage, RemoteUpdate } from '../collab/core/fanout.ts';
import type { RedisCluster } from './redis-cluster.ts';

const UPDATES = 0;
const PRESENCE = 1;

/** The channel of a draft's live traffic (the cluster prefixes it with the deployment). */
export function draftChannel(doc: string): string {
  return `doc:${doc}`;
}

/** Encodes committed updates: count, then per update its number, writer, credential and bytes. */
export function encodeUpdates(updates: readonly RemoteUpdate[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, UPDATES);
  encoding.writeVarUint(encoder, updates.length);
  for (const { seq, userId, credential, data } of updates) {
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarUint(encoder, userId);
    encoding.writeVarString(encoder, credential);
    encoding.writeVarUint8Array(encoder, data);
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a channel message; null for one this version does not know (a newer instance's). */
export function decodeMessage(payload: Uint8Array): RemoteMessage | null {
  const decoder = decoding.createDecoder(payload);
  const kind = decoding.readVarUint(decoder);
  if (kind === PRESENCE) return { kind: 'presence', update: decoding.readVarUint8Array(decoder) };
  if (kind !== UPDATES) return null;
  const updates: RemoteUpdate[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const seq = decoding.readVarUint(decoder);
    const userId = decoding.readVarUint(decoder);
    const credential = decoding.readVarString(decoder);
    updates.push({ seq, userId, credential, data: decoding.readVarUint8Array(decoder) });
  }
  return { kind: 'updates', updates };
}

function encodePresence(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, PRESENCE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The collaboration core's fan-out over Redis pub/sub: one channel per open draft. */
export class RedisFanout implements Fanout {
  constructor(private readonly cluster: RedisCluster) {}

  async join(doc: string, receive: (message: RemoteMessage) => void): Promise<FanoutChannel> {
    const channel = draftChannel(doc);
    const leave = await this.cluster.subscribe(channel, (payload) => {
      let message: RemoteMessage | null;
      try {
        message = decodeMessage(payload);
      } catch {
        return; // a torn message: the log has the updates, the next presence renewal the rest
      }
      if (message !== null) receive(message);
    });
    return {
      publishUpdates: (updates) => this.cluster.publish(channel, encodeUpdates(updates)),
      publishPresence: (update) => this.cluster.publish(channel, encodePresence(update)),
      leave,
    };
  }

  onReconnect(listener: () => void): () => void {
    return this.cluster.onReconnect(listener);
  }
}
