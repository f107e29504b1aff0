import type { ClientOwner, ClientOwnerStore, ClientWriter } from '../../server/collab/core/client-owners.ts';

/** The in-memory ClientOwnerStore: clientID owners per document, first writer wins, as in SQLite. */
export class MemoryClientOwners implements ClientOwnerStore {
  private readonly docs = new Map<string, Map<number, ClientOwner>>();
  /** Every claim call, in order (including ones that bound nothing new). */
  readonly claims: { doc: string; clientIds: number[]; userId: number }[] = [];

  /** The owning user of each clientID of a document as stored (a copy). */
  ownersOf(doc: string): Map<number, number> {
    return new Map([...(this.docs.get(doc) ?? [])].map(([id, owner]) => [id, owner.userId]));
  }

  load(doc: string): Promise<Map<number, ClientOwner>> {
    return Promise.resolve(new Map(this.docs.get(doc)));
  }

  claim(doc: string, clientIds: readonly number[], writer: ClientWriter): Promise<void> {
    this.claims.push({ doc, clientIds: [...clientIds], userId: writer.userId });
    const owners = this.docs.get(doc) ?? new Map<number, ClientOwner>();
    for (const clientId of clientIds)
      if (!owners.has(clientId))
        owners.set(clientId, { userId: writer.userId, credential: writer.credential });
    this.docs.set(doc, owners);
    return Promise.resolve();
  }
}
