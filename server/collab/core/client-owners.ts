import * as Y from 'yjs';
import { CollabError } from './collab-error.ts';

/** Who may write under a Yjs clientID. */
export interface ClientOwner {
  readonly userId: number;
  /**
   * The credential family that first wrote with it (a session across its rotations, or an API
   * token; see `Principal.credential.family`); null for bindings stored before credentials were
   * recorded, which any credential of the user may use.
   */
  readonly credential: string | null;
}

/** Who is writing: a connection's user and credential family, or the server on a user's behalf. */
export interface ClientWriter {
  readonly userId: number;
  readonly credential: string;
}

/** Where the owners of Yjs clientIDs are kept, per document (R13). */
export interface ClientOwnerStore {
  /** clientID → owner, for every clientID that has written to the document. */
  load(doc: string): Promise<Map<number, ClientOwner>>;
  /** Records that `writer` owns these clientIDs (first writer wins; idempotent). */
  claim(doc: string, clientIds: readonly number[], writer: ClientWriter): Promise<void>;
}

/**
 * Binds each clientID to the credential (session or token) that first wrote structs with it
 * and refuses updates that add structs under a clientID bound to another user or to another
 * session of the same user: a second session must not extend, and so overwrite, the first
 * one's pending offline edits (issue 18). Structs the document already has are let through:
 * a client's sync step 2 may repeat others' edits it received meanwhile.
 */
export class ClientIdGuard {
  constructor(private readonly owners: Map<number, ClientOwner>) {}

  /**
   * Checks an update from `writer`; `knownClock(id)` is how far the document already has
   * that client's structs. Returns the new clientIDs the writer would claim; throws to refuse.
   */
  check(update: Uint8Array, writer: ClientWriter, knownClock: (clientId: number) => number): number[] {
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
      else if (owner.userId !== writer.userId)
        throw new CollabError('client_id_owned', `clientID ${clientId} belongs to another user`);
      else if (owner.credential !== null && owner.credential !== writer.credential)
        throw new CollabError('client_id_owned', `clientID ${clientId} belongs to another session`);
    }
    return claims;
  }

  /** Binds the clientIDs an update committed by another instance writes with, where still unbound. */
  adopt(update: Uint8Array, writer: ClientWriter): void {
    this.bind([...Y.parseUpdateMeta(update).to.keys()], writer);
  }

  /** Takes bindings stored by other instances (existing ones are kept: first writer wins). */
  adoptAll(owners: ReadonlyMap<number, ClientOwner>): void {
    for (const [clientId, owner] of owners) if (!this.owners.has(clientId)) this.owners.set(clientId, owner);
  }

  /** Binds clientIDs to a writer once their update was accepted. */
  bind(clientIds: readonly number[], writer: ClientWriter): void {
    const owner = { userId: writer.userId, credential: writer.credential };
    for (const clientId of clientIds) if (!this.owners.has(clientId)) this.owners.set(clientId, owner);
  }
}
