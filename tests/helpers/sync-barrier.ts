/**
 * Waiting for the server instead of sleeping. The server handles one connection's messages in
 * order and answers a sync step 1 at once with its committed document (server/collab/core/room.ts),
 * so the answer is an acknowledgement: everything sent before it has been handled, and a
 * write is in the answer only once the store has made it durable.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as protocol from '../../server/collab/core/protocol.ts';
import type { RawSocket } from './raw-socket.ts';

/** The committed document, as the server answers an empty sync step 1 (a full-state step 2). */
export const ASK_STATE = protocol.encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));

/** The update carried by a server's sync step 2 message, or null for any other message. */
export function stepTwoPayload(data: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== protocol.MessageType.Sync) return null;
  if (decoding.readVarUint(decoder) !== protocol.SyncType.Step2) return null;
  return decoding.readVarUint8Array(decoder);
}

/** True when `server` (an encoded state) holds every insertion and deletion `local` has. */
export function holdsAll(server: Uint8Array, local: Y.Doc): boolean {
  const stored = new Y.Doc();
  const merged = new Y.Doc();
  try {
    Y.applyUpdate(stored, server);
    Y.applyUpdate(merged, server);
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(local));
    // Merging in what the client has changes nothing (no new clock, no new deletion) once stored.
    return Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(merged));
  } finally {
    stored.destroy();
    merged.destroy();
  }
}

/**
 * Asks the server over a raw socket for its committed document and resolves with it: the
 * answer also acknowledges every message sent on that socket before; it rejects if the socket
 * closes first. `unanswered`: sync step 1 messages the test itself sent on the socket whose
 * answers it has not read (they come first). Messages read on the way stay in `raw.messages`.
 */
export async function rawRoundTrip(
  raw: RawSocket,
  { unanswered = 0, timeoutMs = 5000 }: { unanswered?: number; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  raw.sendBinary(ASK_STATE);
  const deadline = Date.now() + timeoutMs;
  for (let skip = unanswered; ;) {
    const message = await raw.nextMessage(Math.max(1, deadline - Date.now()));
    const state = stepTwoPayload(message.data);
    if (state === null) continue;
    if (skip === 0) return state;
    skip -= 1;
  }
}
