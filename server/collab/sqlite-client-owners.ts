import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ClientOwnerStore } from './client-owners.ts';

/** The SQLite side of clientID ownership: table `collab_client_owners`. */
export class SqliteClientOwners implements ClientOwnerStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every owned clientID of a document. */
  async load(doc: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('collab_client_owners')
      .select(['client_id', 'user_id'])
      .where('doc', '=', doc)
      .execute();
    return new Map(rows.map((row) => [row.client_id, row.user_id]));
  }

  /** Binds clientIDs to a user; an existing binding is kept (first writer wins). */
  async claim(doc: string, clientIds: readonly number[], userId: number): Promise<void> {
    if (clientIds.length === 0) return;
    await this.db
      .insertInto('collab_client_owners')
      .values(clientIds.map((clientId) => ({ doc, client_id: clientId, user_id: userId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
