import * as decoding from 'lib0/decoding';
import type { Peer } from '../../server/collab/core/peer.ts';

/** A Peer that records what the room sends it and how it was closed. */
export class MemoryPeer implements Peer {
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;

  constructor(readonly id: string) {}

  send(data: Uint8Array): void {
    if (this.closedWith === null) this.sent.push(data);
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }

  /** The Yjs updates received in sync messages (step 2 answers and relayed updates). */
  updates(): Uint8Array[] {
    return this.sent.flatMap((message) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 0) return [];
      const syncType = decoding.readVarUint(decoder);
      return syncType === 1 || syncType === 2 ? [decoding.readVarUint8Array(decoder)] : [];
    });
  }
}
