import * as Y from 'yjs';
import { CollabError } from './collab-error.ts';

/** Where the owners of Yjs clientIDs are kept, per document (R13). */
export interface ClientOwnerStore {
  /** clientID → user id, for every clientID that has written to the document. */
  load(doc: string): Promise<Map<number, number>>;
  /** Records that `userId` owns these clientIDs (first writer wins; idempotent). */
  claim(doc: string, clientIds: readonly number[], userId: number): Promise<void>;
}

/**
 * Binds each clientID to the user who first wrote structs with it and refuses updates that
 * add structs under a clientID bound to someone else. Structs the document already has are
 * let through: a client's sync step 2 may repeat others' edits it received meanwhile.
 */
export class ClientIdGuard {
  constructor(private readonly owners: Map<number, number>) {}

  /**
   * Checks an update from `userId`; `knownClock(id)` is how far the document already has
   * that client's structs. Returns the new clientIDs the user would claim; throws to refuse.
   */
  check(update: Uint8Array, userId: number, knownClock: (clientId: number) => number): number[] {
    let meta: { to: Map<number, number> };
    try {
      meta = Y.parseUpdateMeta(update);
    } catch (error) {
      throw new CollabError('invalid_update', `update does not parse: ${(error as Error).message}`);
    }
    const claims: number[] = [];
    for (const [clientId, end] of meta.to) {
      if (end <= knownClock(clientId)) continue; // nothing new from this client
      const owner = this.owners.get(clientId);
      if (owner === undefined) claims.push(clientId);
      else if (owner !== userId)
        throw new CollabError('client_id_owned', `clientID ${clientId} belongs to another user`);
    }
    return claims;
  }

  /** Binds clientIDs to a user once their update was accepted. */
  bind(clientIds: readonly number[], userId: number): void {
    for (const clientId of clientIds) if (!this.owners.has(clientId)) this.owners.set(clientId, userId);
  }
}
