/**
 * The y-websocket wire protocol, as pure functions (bytes in, values out).
 *
 * Every message is `varUint type` followed by a payload; the room is named by the URL, never
 * by the message. Types: 0 sync (sub-type 0 step 1 = state vector, 1 step 2 = update,
 * 2 update), 1 awareness (varUint8Array of an awareness update), 2 auth (server → client
 * only), 3 query awareness (no payload). Close codes live in shared/collab/close-codes.ts.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Top-level message types of y-websocket. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A decoded client → server message. */
export type InboundMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'ignored'; type: number };

/** One client's entry in an awareness update; `state` is the raw JSON text. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: string;
}

/** Thrown for bytes that are not a well-formed message; the connection is closed for it. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Decodes one message. Throws {@link ProtocolError} for truncated or malformed input;
 * unknown top-level types (and client-sent auth) are returned as `ignored`, as the stock
 * server does, so newer clients keep working.
 */
export function decodeMessage(data: Uint8Array): InboundMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncType.Step1) return { kind: 'sync-step1', stateVector: payload };
        if (syncType === SyncType.Step2) return { kind: 'sync-step2', update: payload };
        if (syncType === SyncType.Update) return { kind: 'sync-update', update: payload };
        throw new ProtocolError(`unknown sync message type ${syncType}`);
      }
      case MessageType.Awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.QueryAwareness:
        return { kind: 'query-awareness' };
      default:
        return { kind: 'ignored', type };
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`undecodable message: ${(error as Error).message}`);
  }
}

/** Encodes sync step 1 (our state vector), asking the peer for what we lack. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Step1, stateVector);
}

/** Encodes sync step 2 (the update answering a peer's step 1). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Step2, update);
}

/** Encodes a sync update, as relayed to peers. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Update, update);
}

/** Encodes an awareness message around an encoded awareness update. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Splits an awareness update into entries without parsing their JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientID, clock, state: decoding.readVarString(decoder) });
    }
    return entries;
  } catch (error) {
    throw new ProtocolError(`undecodable awareness update: ${(error as Error).message}`);
  }
}

/** Re-encodes awareness entries into an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
