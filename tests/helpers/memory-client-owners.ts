import type { ClientOwnerStore } from '../../server/collab/client-owners.ts';

/** The in-memory ClientOwnerStore: clientID owners per document, first writer wins, as in SQLite. */
export class MemoryClientOwners implements ClientOwnerStore {
  private readonly docs = new Map<string, Map<number, number>>();
  /** Every claim call, in order (including ones that bound nothing new). */
  readonly claims: { doc: string; clientIds: number[]; userId: number }[] = [];

  /** The owners of a document as stored (a copy). */
  ownersOf(doc: string): Map<number, number> {
    return new Map(this.docs.get(doc));
  }

  load(doc: string): Promise<Map<number, number>> {
    return Promise.resolve(this.ownersOf(doc));
  }

  claim(doc: string, clientIds: readonly number[], userId: number): Promise<void> {
    this.claims.push({ doc, clientIds: [...clientIds], userId });
    const owners = this.docs.get(doc) ?? new Map<number, number>();
    for (const clientId of clientIds) if (!owners.has(clientId)) owners.set(clientId, userId);
    this.docs.set(doc, owners);
    return Promise.resolve();
  }
}
